// zod/mini loads no locale: without one, every issue reads "Invalid input". Classic zod set English
// when imported; this module does the same, once for every package. The policy schema and the
// contracts' index import it, and both package.json files name the module (and the contracts'
// index) as side effects, so esbuild and vite keep it in every bundle that parses. Problem
// details, the SPA's form errors, the CLI's and the policy's errors read as with classic zod.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
