import { CookieJar, follow, parseSignInPage, send } from '@elevate/testing';

const hidden = (html: string, name: string): string | undefined =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/**
 * Plays the person at the browser for RFC 8628: opens the dev IdP's /device page, types the code
 * the CLI showed, signs in as `sub` on the persona picker and confirms. Plain HTTP, like a browser.
 */
export async function approveDeviceCode(
  issuer: string,
  userCode: string,
  sub: string,
): Promise<void> {
  const jar = new CookieJar();
  const form = await (await send(jar, `${issuer}/device`)).text();
  const xsrf = hidden(form, 'xsrf');
  if (!xsrf) throw new Error(`no device form:\n${form}`);
  let page = await follow(
    jar,
    issuer,
    await send(jar, `${issuer}/device`, { form: { xsrf, user_code: userCode } }),
  );
  // oidc-provider asks to confirm the code first, then signs the person in.
  let html = await page.text();
  const confirmXsrf = hidden(html, 'xsrf');
  const code = hidden(html, 'user_code');
  if (!confirmXsrf || !code) throw new Error(`no confirmation form:\n${html}`);
  page = await follow(
    jar,
    issuer,
    await send(jar, `${issuer}/device`, {
      form: { xsrf: confirmXsrf, user_code: code, confirm: 'yes' },
    }),
  );
  html = await page.text();
  const { loginAction } = parseSignInPage(html);
  page = await follow(
    jar,
    issuer,
    await send(jar, new URL(loginAction, issuer).href, { form: { sub } }),
  );
  html = await page.text();
  if (!html.includes('Your terminal is signed in'))
    throw new Error(`device sign-in did not finish:\n${html}`);
}

/**
 * Plays the browser for the loopback flow (RFC 8252): follows the authorization URL the CLI printed,
 * signs in as `sub`, and delivers the final redirect to the CLI's loopback listener.
 */
export async function completeBrowserSignIn(
  issuer: string,
  authorizationUrl: string,
  sub: string,
): Promise<void> {
  const jar = new CookieJar();
  const page = await follow(jar, issuer, await send(jar, authorizationUrl));
  const { loginAction } = parseSignInPage(await page.text());
  const redirect = await follow(
    jar,
    issuer,
    await send(jar, new URL(loginAction, issuer).href, { form: { sub } }),
  );
  const location = redirect.headers.get('location');
  if (!location || !location.startsWith('http://127.0.0.1:'))
    throw new Error(`no loopback redirect (HTTP ${redirect.status})`);
  const answer = await fetch(location);
  if (!(await answer.text()).includes('Signed in'))
    throw new Error('the CLI did not take the redirect');
}
