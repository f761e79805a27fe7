import assert from 'node:assert/strict';
import { isEmail, isWebUrl } from '../../../engine/formats/index.js';

describe('url format', () => {
  it('accepts http(s) URLs with and without the scheme', () => {
    for (const url of [
      'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000037611479',
      'http://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038029589',
      'www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038029589',
      'legifrance.gouv.fr',
      'HTTPS://EXEMPLE.GOUV.FR/A',
      'https://exemple.fr:8443/deliberations/2024-03-12?format=pdf#page=2',
      'exemple.fr:8080/a',
      'https://mairie-saint-étienne.fr/délibérations',
      'https://xn--mairie-saint-tienne-cvb.fr/',
    ]) {
      assert.ok(isWebUrl(url), url);
    }
  });

  it('refuses other schemes, hosts without a top-level domain, IPs, credentials and spaces', () => {
    for (const url of ['ftp://exemple.fr/texte.pdf', 'javascript:alert(1)', 'mailto:contact@exemple.fr', 'https://localhost/x', 'exemple', 'https://192.168.0.1/', 'https://user:secret@exemple.fr', 'https://exemple.fr/un texte', ' https://exemple.fr', 'https://', 'https://exemple.', 'https://-exemple.fr', `https://exemple.fr/${'a'.repeat(2100)}`]) {
      assert.ok(!isWebUrl(url), url);
    }
  });
});

describe('email format', () => {
  it('accepts ordinary addresses, including accented domains', () => {
    for (const email of ['prenom.nom@exemple.gouv.fr', 'contact+datapass@mairie-lyon.fr', "o'neil@exemple.fr", 'a@mairie-saint-étienne.fr', 'DPO@EXEMPLE.FR']) {
      assert.ok(isEmail(email), email);
    }
  });

  it('refuses addresses without a domain with a top-level domain, with double dots or spaces', () => {
    for (const email of ['prenom.nom', 'x@localhost', 'a..b@exemple.fr', '.a@exemple.fr', 'a@exemple.f', 'a b@exemple.fr', 'a@exemple..fr', '@exemple.fr', 'a@@exemple.fr', `${'a'.repeat(65)}@exemple.fr`]) {
      assert.ok(!isEmail(email), email);
    }
  });
});
