// The personas alone, with no other test support: for suites that only need who is who (the SPA's,
// the CLI's, Playwright's journeys).
export { devStackPersonas, personas, personRef } from '@elevate/domain/testing/personas';
export type { PersonaName, PersonaPerson } from '@elevate/domain/testing/personas';
