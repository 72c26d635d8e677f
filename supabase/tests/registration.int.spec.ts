// What the database accepts as a practitioner's registration number and time zone, through the API
// as the owner edits their profile: RPPS (11 digits, Luhn check digit), ADELI (9 digits), nothing
// for professions without a registry; IANA time zones only. Refusals are 400s that say why.
import { describe, expect, it } from 'vitest';
import {
  createPractitionerProfile,
  invalidRpps,
  practitioner,
  service,
  sql,
  uniqueLetters,
  user,
  validAdeli,
  validRpps,
} from '@carebook/testing';

const draftFor = async (profession: string) => {
  const user = await practitioner();
  const row = await createPractitionerProfile(user, {
    profession_code: profession,
    registration_number: null,
  });
  return { user, row };
};

describe('registration numbers', () => {
  it('accept valid RPPS numbers and refuse a wrong check digit, with the reason', async () => {
    const { user } = await draftFor('physiotherapist');
    // 10003055554: digits weighted 1,2,1,2... from the right sum to 20, a multiple of 10.
    for (const number of ['10003055554', validRpps(), validRpps()]) {
      const ok = await user.client
        .from('practitioners')
        .update({ registration_number: number })
        .eq('id', user.id)
        .select('registration_number')
        .single();
      expect(ok.error, number).toBeNull();
      expect(ok.data?.registration_number).toBe(number);
    }
    const kept = (
      await service().from('practitioners').select('registration_number').eq('id', user.id).single()
    ).data?.registration_number;
    const bad = invalidRpps();
    const res = await user.client
      .from('practitioners')
      .update({ registration_number: bad })
      .eq('id', user.id);
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({
      code: 'PT400',
      message: `Invalid RPPS registration number "${bad}"`,
      hint: 'An RPPS number has 11 digits, the last being a check digit.',
    });
    expect(
      (await service().from('practitioners').select('registration_number').eq('id', user.id).single()).data
        ?.registration_number,
    ).toBe(kept);
  });

  it('refuse RPPS numbers of the wrong length or with other characters', async () => {
    const { user } = await draftFor('nurse');
    for (const number of [validAdeli(), validRpps().slice(0, 10), '1234567890A', '12 345 678 901']) {
      const res = await user.client
        .from('practitioners')
        .update({ registration_number: number })
        .eq('id', user.id);
      expect(res.status, number).toBe(400);
      expect(res.error?.code, number).toBe('PT400');
      expect(res.error?.message, number).toBe(`Invalid RPPS registration number "${number}"`);
    }
    expect(
      (await service().from('practitioners').select('registration_number').eq('id', user.id).single()).data
        ?.registration_number,
    ).toBeNull();
  });

  it('accept 9-digit ADELI numbers only', async () => {
    const { user } = await draftFor('psychologist');
    const good = validAdeli();
    const ok = await user.client
      .from('practitioners')
      .update({ registration_number: good })
      .eq('id', user.id)
      .select('registration_number')
      .single();
    expect(ok.data?.registration_number).toBe(good);
    for (const number of [validRpps(), good.slice(0, 8), '12345678X']) {
      const res = await user.client
        .from('practitioners')
        .update({ registration_number: number })
        .eq('id', user.id);
      expect(res.error, number).toMatchObject({
        code: 'PT400',
        message: `Invalid ADELI registration number "${number}"`,
        hint: 'An ADELI number has 9 digits.',
      });
    }
  });

  it('are checked against the new profession when it changes', async () => {
    const { user } = await draftFor('psychologist');
    const adeli = validAdeli();
    expect(
      (await user.client.from('practitioners').update({ registration_number: adeli }).eq('id', user.id))
        .error,
    ).toBeNull();
    const res = await user.client
      .from('practitioners')
      .update({ profession_code: 'midwife' })
      .eq('id', user.id);
    expect(res.error).toMatchObject({
      code: 'PT400',
      message: `Invalid RPPS registration number "${adeli}"`,
    });
    const rpps = validRpps();
    const both = await user.client
      .from('practitioners')
      .update({ profession_code: 'midwife', registration_number: rpps })
      .eq('id', user.id)
      .select('profession_code, registration_number')
      .single();
    expect(both.data).toEqual({ profession_code: 'midwife', registration_number: rpps });
  });

  it('are checked again at submission, in case staff changed the profession’s registry since', async () => {
    const staff = await user('staff');
    const code = `reg_${uniqueLetters()}`;
    const made = await staff.client.from('professions').insert({
      code,
      name_fr: 'Profession test',
      name_en: 'Test profession',
      registry: 'adeli',
      regulated: true,
    });
    expect(made.error).toBeNull();
    const { user: owner } = await draftFor(code);
    const adeli = validAdeli();
    expect(
      (await owner.client.from('practitioners').update({ registration_number: adeli }).eq('id', owner.id))
        .error,
    ).toBeNull();
    expect(
      (await staff.client.from('professions').update({ registry: 'rpps' }).eq('code', code)).error,
    ).toBeNull();

    const res = await owner.client
      .from('practitioners')
      .update({ verification_status: 'submitted' })
      .eq('id', owner.id);
    expect(res.error).toMatchObject({
      code: 'PT400',
      message: `Invalid RPPS registration number "${adeli}"`,
    });
    expect(
      (await service().from('practitioners').select('verification_status').eq('id', owner.id).single()).data,
    ).toEqual({
      verification_status: 'draft',
    });
  });

  it('are optional for professions without a registry, even to submit', async () => {
    const { user } = await draftFor('sophrologist');
    const res = await user.client
      .from('practitioners')
      .update({ verification_status: 'submitted' })
      .eq('id', user.id)
      .select('verification_status')
      .single();
    expect(res.error).toBeNull();
    expect(res.data?.verification_status).toBe('submitted');
  });

  it('agree with the Luhn rule computed independently, over many numbers', async () => {
    const valid = Array.from({ length: 300 }, validRpps);
    // Every wrong check digit of a valid number must be refused.
    const invalid = valid
      .slice(0, 30)
      .flatMap((n) =>
        Array.from({ length: 9 }, (_, k) => `${n.slice(0, 10)}${(Number(n[10]) + k + 1) % 10}`),
      );
    const rows = await sql<{ n: string; ok: boolean }>(
      `select n, private.is_valid_registration('rpps', n) as ok from unnest($1::text[]) as n`,
      [[...valid, ...invalid]],
    );
    const verdict = new Map(rows.map((r) => [r.n, r.ok]));
    expect(valid.filter((n) => verdict.get(n) !== true)).toEqual([]);
    expect(invalid.filter((n) => verdict.get(n) !== false)).toEqual([]);
  });
});

describe('time zones', () => {
  it('accept IANA names', async () => {
    const { user } = await draftFor('dietitian');
    for (const tz of [
      'Europe/Paris',
      'America/Argentina/Buenos_Aires',
      'Indian/Reunion',
      'America/Port-au-Prince',
      'Etc/GMT-14',
      'UTC',
    ]) {
      const res = await user.client
        .from('practitioners')
        .update({ time_zone: tz })
        .eq('id', user.id)
        .select('time_zone')
        .single();
      expect(res.error, tz).toBeNull();
      expect(res.data?.time_zone).toBe(tz);
    }
  });

  it('refuse unknown names, abbreviations and offsets with a clear message, changing nothing', async () => {
    const { user } = await draftFor('dietitian');
    for (const tz of [
      'Mars/Olympus_Mons',
      'Europe/Pariss',
      'CET',
      'EST',
      'UTC+3',
      '+02:00',
      '',
      'Europe/Paris; drop table x',
    ]) {
      const res = await user.client.from('practitioners').update({ time_zone: tz }).eq('id', user.id);
      expect(res.status, tz).toBe(400);
      expect(res.error, tz).toMatchObject({
        code: 'PT400',
        message: `Unknown time zone "${tz}"`,
        hint: 'Use an IANA name such as Europe/Paris.',
      });
    }
    expect(
      (await service().from('practitioners').select('time_zone').eq('id', user.id).single()).data?.time_zone,
    ).toBe('Europe/Paris');
  });

  it('are checked when the profile is created', async () => {
    const user = await practitioner();
    await expect(createPractitionerProfile(user, { time_zone: 'Paris' })).rejects.toMatchObject({
      code: 'PT400',
      message: 'Unknown time zone "Paris"',
    });
  });

  it('accept every Area/Location name Postgres knows', async () => {
    const refused = await sql<{ name: string }>(
      `select name from pg_timezone_names where name ~ '/' and not private.is_valid_time_zone(name)`,
    );
    expect(refused).toEqual([]);
  });
});
