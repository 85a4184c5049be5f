import { errorSchema } from '../../common/schemas/common.js';

/** OpenAPI grouping and the error answers shared by the ticket routes. */
export const ticketTags = ['tickets'];
export const ticketErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};
