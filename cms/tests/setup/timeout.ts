// Booting Strapi takes seconds (more on PostgreSQL on a busy machine): the project's `testTimeout`
// is not applied by Jest to projects, so set it here.
jest.setTimeout(60_000);
