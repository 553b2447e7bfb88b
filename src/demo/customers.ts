/** Customers: companies, sole traders, consumers and a few foreign buyers, with addresses and terms. */
import { AGENT_WEIGHTS, BASE_LIST, DEMO_AGENT, PAYMENT_TERMS, type Group, type PaymentTerms } from './data/company';
import { AREAS, DESTINATION_KINDS, GDO_BRANDS, MAILBOXES, MAIL_PROVIDERS, PEC_DOMAINS, SURNAMES, TRADE_WORDS } from './data/names';
import { CITIES, CITY_WEIGHTS, FOREIGN_CITIES, STREET_NAMES, STREET_TYPES, type City } from './data/places';
import { partitaIva } from './italianIds';
import type { Customer, Destination } from './model';
import { randomCodiceFiscale, randomPartitaIva, randomPerson, sdiCode, slug, type Person } from './people';
import type { Random } from './random';

export function street(rnd: Random): string {
  const number = rnd.int(1, 240);
  const suffix = rnd.chance(0.06) ? rnd.pick(['/A', '/B', ' bis']) : '';
  return `${rnd.weighted(STREET_TYPES)} ${rnd.pick(STREET_NAMES)} ${number}${suffix}`;
}

function landline(rnd: Random, prefix: string): string {
  // Italian landline numbers are ten digits including the area code.
  let rest = '';
  for (let i = prefix.length; i < 10; i++) rest += String(rnd.int(0, 9));
  return `+39 ${prefix} ${rest}`;
}

function mobile(rnd: Random): string {
  return `+39 3${rnd.int(20, 93)} ${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`;
}

interface Identity {
  companyName: string;
  /** A person when the customer is a sole trader or a consumer. */
  person: Person | null;
  consumer: boolean;
  /** Core words used for web domains and PEC boxes. */
  handle: string;
}

function identity(rnd: Random, group: Group | null): Identity {
  if (group === 'PRIVATI') {
    const person = randomPerson(rnd);
    return { companyName: `${person.surname} ${person.firstName}`, person, consumer: true, handle: `${person.firstName}.${person.surname}` };
  }
  if (group === 'GDO') {
    const area = rnd.pick(AREAS);
    const brand = rnd.pick(GDO_BRANDS);
    return { companyName: `${brand} ${area} S.p.A.`, person: null, consumer: false, handle: `${brand}${area}` };
  }
  const surname = rnd.pick(SURNAMES);
  const word = rnd.pick(TRADE_WORDS);
  switch (rnd.int(0, 7)) {
    case 0: {
      // Ditta individuale: the owner's codice fiscale, not the partita IVA, is the tax code.
      const person = { ...randomPerson(rnd), surname };
      return { companyName: `${word} di ${person.firstName} ${surname}`, person, consumer: false, handle: `${word}${surname}` };
    }
    case 1:
      return { companyName: `${word} ${surname} & C. S.n.c.`, person: null, consumer: false, handle: `${word}${surname}` };
    case 2: {
      const other = rnd.pick(SURNAMES);
      return { companyName: `${surname} & ${other} S.n.c.`, person: null, consumer: false, handle: `${surname}${other}` };
    }
    case 3: {
      const area = rnd.pick(AREAS);
      return { companyName: `${word} ${area} S.p.A.`, person: null, consumer: false, handle: `${word}${area}` };
    }
    case 4:
      return { companyName: `${surname} ${word} S.r.l.s.`, person: null, consumer: false, handle: `${surname}${word}` };
    case 5: {
      const partner = randomPerson(rnd);
      return { companyName: `${word} ${surname} S.a.s. di ${partner.surname} ${partner.firstName} & C.`, person: null, consumer: false, handle: `${word}${surname}` };
    }
    default:
      return { companyName: `${word} ${surname} S.r.l.`, person: null, consumer: false, handle: `${word}${surname}` };
  }
}


export function buildDestinations(rnd: Random, code: string, home: City | null, count: number, defaultIndex: number): Destination[] {
  const destinations: Destination[] = [];
  for (let i = 0; i < count; i++) {
    // Most destinations are near the customer; construction sites can be anywhere.
    const city = home && rnd.chance(0.6) ? pickCityIn(rnd, home.province) : rnd.weighted(CITY_WEIGHTS);
    const address = street(rnd);
    const name = rnd.chance(0.35) ? `Cantiere ${address}` : `${rnd.pick(DESTINATION_KINDS)} ${city.name}`;
    destinations.push({
      id: `${code}-D${i + 1}`,
      name,
      street: address,
      postcode: String(rnd.int(city.cap[0], city.cap[1])).padStart(5, '0'),
      city: city.name,
      province: city.province,
      country: 'IT',
      isDefault: i === defaultIndex,
    });
  }
  return destinations;
}

function pickCityIn(rnd: Random, province: string): City {
  return rnd.pick(CITIES.filter((city) => city.province === province));
}

export function buildCustomers(rnd: Random, count: number): Customer[] {
  const customers: Customer[] = [];
  const width = Math.max(5, String(count).length);
  for (let i = 1; i <= count; i++) {
    const code = `C${String(i).padStart(width, '0')}`;
    const group = rnd.weighted<Group | null>([['RIVENDITORI', 30], ['INSTALLATORI', 35], ['GDO', 5], ['PRIVATI', 10], [null, 20]]);
    const who = identity(rnd, group);
    const foreign = !who.consumer && rnd.chance(0.02) ? rnd.pick(FOREIGN_CITIES) : null;
    const city = foreign ? null : rnd.weighted(CITY_WEIGHTS);
    const domain = `${slug(who.handle).slice(0, 28)}.${foreign ? foreign.country.toLowerCase() : 'it'}`;

    let vatNumber: string | null;
    let taxCode: string | null;
    let sdi: string | null;
    let pec: string | null = null;
    if (foreign) {
      // Foreign customers: their own VAT id; e-invoices go through the SDI with the code for abroad.
      vatNumber =
        foreign.country === 'SM' ? `SM${String(rnd.int(1, 99_999)).padStart(5, '0')}`
          : foreign.country === 'CH' ? `CHE-${rnd.int(100, 999)}.${rnd.int(100, 999)}.${rnd.int(100, 999)}`
            : `DE${rnd.int(100_000_000, 999_999_999)}`;
      taxCode = null;
      sdi = 'XXXXXXX';
    } else if (who.consumer) {
      // A private consumer: no partita IVA, codice fiscale only, SDI code of "no intermediary".
      vatNumber = null;
      taxCode = randomCodiceFiscale(rnd, who.person as Person);
      sdi = '0000000';
    } else {
      vatNumber = randomPartitaIva(rnd);
      taxCode = who.person ? randomCodiceFiscale(rnd, who.person) : vatNumber;
      // Companies give a codice destinatario, a PEC, or both.
      const channel = rnd.int(0, 9);
      sdi = channel < 7 ? sdiCode(rnd) : null;
      pec = channel >= 5 ? `${slug(who.handle).slice(0, 28)}@${rnd.pick(PEC_DOMAINS)}` : null;
    }

    const email = who.consumer
      ? `${slug(who.person?.firstName ?? 'cliente')}.${slug(who.person?.surname ?? '')}${rnd.int(1, 99)}@${rnd.pick(MAIL_PROVIDERS)}`
      : rnd.chance(0.95) ? `${rnd.pick(MAILBOXES)}@${domain}` : null;
    const phone = foreign
      ? `${foreign.phone} ${rnd.int(100_000, 999_999)}`
      : who.consumer || rnd.chance(0.15) ? mobile(rnd) : rnd.chance(0.97) ? landline(rnd, (city as City).phone) : null;

    // Price lists follow the commercial category, with exceptions as in any ERP.
    const priceListCode: string | null =
      group === 'RIVENDITORI' ? (rnd.chance(0.8) ? 'LIST-RIV' : null)
        : group === 'INSTALLATORI' ? (rnd.chance(0.75) ? 'LIST-INST' : null)
          : group === 'GDO' ? (rnd.chance(0.9) ? 'LIST-GDO' : null)
            : group === 'PRIVATI' ? (rnd.chance(0.1) ? BASE_LIST : null)
              : rnd.chance(0.1) ? BASE_LIST : rnd.chance(0.1) ? 'LIST-RIV' : null;
    const agentCode = (group === 'PRIVATI' ? rnd.chance(0.2) : rnd.chance(0.88)) ? rnd.weighted(AGENT_WEIGHTS) : null;
    const paymentTerms = who.consumer
      ? rnd.pick([PAYMENT_TERMS[6][0], PAYMENT_TERMS[8][0]])
      : rnd.chance(0.05) ? null : rnd.weighted<PaymentTerms>(PAYMENT_TERMS);
    const destinationCount = rnd.weighted([[0, 35], [1, 30], [2, 20], [3, 10], [4, 5]]);
    const defaultIndex = destinationCount > 0 && rnd.chance(0.7) ? rnd.int(0, destinationCount - 1) : -1;

    customers.push({
      code,
      companyName: who.companyName,
      vatNumber,
      taxCode,
      sdiCode: sdi,
      pec,
      email,
      phone,
      street: foreign ? `${rnd.pick(['Via', 'Strada'])} ${rnd.pick(STREET_NAMES)} ${rnd.int(1, 90)}` : street(rnd),
      postcode: foreign ? foreign.postcode : String(rnd.int((city as City).cap[0], (city as City).cap[1])).padStart(5, '0'),
      city: foreign ? foreign.name : (city as City).name,
      province: foreign ? null : (city as City).province,
      country: foreign ? foreign.country : 'IT',
      priceListCode,
      group,
      agentCode,
      paymentTerms,
      blocked: rnd.chance(0.02),
      destinations: buildDestinations(rnd, code, city, foreign ? 0 : destinationCount, defaultIndex),
    });
  }
  return customers;
}

/**
 * The demo customer: a Milanese installer on its own price list, followed by
 * the demo agent, with destinations (one default) and good standing, so that a
 * demo token shows every feature.
 */
export function shapeDemoCustomer(rnd: Random, customer: Customer): void {
  const milano = CITIES[0];
  customer.companyName = 'Impianti Brambilla S.r.l.';
  customer.vatNumber = partitaIva('0472915', '015');
  customer.taxCode = customer.vatNumber;
  customer.sdiCode = 'M5UXCR1';
  customer.pec = 'impiantibrambilla@legalmail.it';
  customer.email = 'ordini@impiantibrambilla.it';
  customer.phone = '+39 02 4871 2290';
  customer.street = "Via dell'Artigianato 12";
  customer.postcode = '20138';
  customer.city = milano.name;
  customer.province = milano.province;
  customer.country = 'IT';
  customer.priceListCode = 'LIST-INST';
  customer.group = 'INSTALLATORI';
  customer.agentCode = DEMO_AGENT;
  customer.paymentTerms = PAYMENT_TERMS[1][0];
  customer.blocked = false;
  customer.destinations = buildDestinations(rnd, customer.code, milano, 3, 0);
}

/** The demo agent must follow a few customers besides the demo customer. */
export function ensureDemoAgentPortfolio(customers: Customer[], demo: Customer): void {
  let others = customers.filter((c) => c !== demo && c.agentCode === DEMO_AGENT).length;
  for (const customer of customers) {
    if (others >= 3) return;
    if (customer !== demo && customer.agentCode !== DEMO_AGENT) {
      customer.agentCode = DEMO_AGENT;
      others++;
    }
  }
}
