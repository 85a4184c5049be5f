import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { AdminPage } from './admin/AdminPage.js';
import { QuarantinePage } from './admin/QuarantinePage.js';
import { EmailSettingsPage } from './admin/settings/EmailSettingsPage.js';
import { MailTemplatesPage } from './admin/settings/MailTemplatesPage.js';
import { ParametersPage } from './admin/settings/ParametersPage.js';
import { LoginPage } from './auth/LoginPage.js';
import { RequireAuth } from './auth/RequireAuth.js';
import { RequirePermission } from './auth/RequirePermission.js';
import { useSession } from './auth/session.js';
import { SetPasswordPage } from './auth/SetPasswordPage.js';
import { SetupPage } from './auth/SetupPage.js';
import { CustomersPage } from './customers/CustomersPage.js';
import { ThirdpartyPage } from './customers/ThirdpartyPage.js';
import { DictionariesPage } from './admin/DictionariesPage.js';
import { AuditLogPage } from './admin/audit/AuditLogPage.js';
import { GroupsPage } from './admin/groups/GroupsPage.js';
import { UsersPage } from './admin/users/UsersPage.js';
import { CustomFieldsPage } from './admin/customfields/CustomFieldsPage.js';
import { fieldserviceRoutes } from './fieldservice/fieldservice.routes.js';
import { HomePage } from './home/HomePage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { StaffLayout } from './StaffLayout.js';
import { NewTicketPage } from './tickets/NewTicketPage.js';
import { TicketPage } from './tickets/TicketPage.js';
import { TicketsPage } from './tickets/TicketsPage.js';

/** Once signed in, the interface speaks the user's stored language (before paint, so nothing flickers). */
function SessionLanguage() {
  const { data: user } = useSession();
  const { i18n } = useTranslation();
  const language = user?.language;
  useLayoutEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);
  return null;
}

/** The staff app's routes. Providers and the router come from outside (main.tsx, or a test). */
export function App() {
  return (
    <>
      <SessionLanguage />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/set-password" element={<SetPasswordPage />} />
        <Route
          element={
            <RequireAuth>
              <StaffLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="tickets" element={<TicketsPage />} />
          <Route path="tickets/new" element={<NewTicketPage />} />
          <Route path="tickets/:id" element={<TicketPage />} />
          <Route path="customers" element={<CustomersPage />} />
          <Route path="customers/:id" element={<ThirdpartyPage />} />
          <Route
            path="admin/dictionaries"
            element={
              <RequirePermission permission="admin">
                <DictionariesPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/custom-fields"
            element={
              <RequirePermission permission="admin">
                <CustomFieldsPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin"
            element={
              <RequirePermission permission="admin">
                <AdminPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequirePermission permission="admin">
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/groups"
            element={
              <RequirePermission permission="admin">
                <GroupsPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/audit"
            element={
              <RequirePermission permission="admin">
                <AuditLogPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/parameters"
            element={
              <RequirePermission permission="admin">
                <ParametersPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/email"
            element={
              <RequirePermission permission="admin">
                <EmailSettingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/email/templates"
            element={
              <RequirePermission permission="admin">
                <MailTemplatesPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/email/quarantine"
            element={
              <RequirePermission permission="admin">
                <QuarantinePage />
              </RequirePermission>
            }
          />
          {/* <routes:mail> */}
          {/* <routes:notifications> */}
          {/* <routes:portal> */}
          {fieldserviceRoutes()}
          {/* <routes:fieldservice> */}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
