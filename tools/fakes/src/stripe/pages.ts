// The fake's own pages: Checkout, the "bank" that settles debits, the Billing Portal, hosted
// invoices and receipts. Plain HTML forms (they work without script and with the keyboard), labels
// on every control, errors announced and focused.
import { escapeHtml as e } from '../html.ts';
import { describePrice, formatAmount } from './catalog.ts';
import type { Ctx } from './context.ts';
import type { StripeObject } from './state.ts';

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a2e; background: #f6f8fa; }
  main { max-width: 38rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
  .badge { display: inline-block; background: #fff4cc; color: #5c4400; padding: 0 .5rem; border-radius: 4px; font-size: .875rem; }
  fieldset { border: 1px solid #c4c9d0; border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  .option { display: flex; gap: .5rem; align-items: baseline; margin: .35rem 0; }
  label { cursor: pointer; }
  .field { display: grid; gap: .25rem; margin: .75rem 0; }
  input[type=email], input[type=text] { font: inherit; padding: .4rem .5rem; border: 1px solid #6b7280; border-radius: 4px; }
  button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 0; background: #4338ca; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #4338ca; border: 1px solid #4338ca; }
  :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .error { background: #fdecec; color: #8a1111; border: 1px solid #e0a3a3; padding: .75rem; border-radius: 6px; }
  .notice { background: #eaf7ee; color: #14532d; border: 1px solid #9bd3ad; padding: .75rem; border-radius: 6px; }
  table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .35rem .25rem; border-bottom: 1px solid #e5e7eb; }
  .muted { color: #4b5563; }
  form.inline { display: inline; }
`;

export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self' http: https:; img-src data:";

export function layout(title: string, body: string, focusId?: string): string {
  const focus = focusId
    ? `<script>document.getElementById(${JSON.stringify(focusId)})?.focus();</script>`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body><main>
<p class="badge">Test mode: local Stripe fake</p>
${body}
</main>${focus}</body></html>`;
}

function date(t: number | null | undefined): string {
  return t ? new Date(t * 1000).toISOString().slice(0, 10) : '—';
}

interface CheckoutLine {
  price: StripeObject;
  quantity: number;
}

// Card choices on the Checkout page, by label; values are test card numbers.
const PAYMENT_CARDS = [
  { value: '4242424242424242', label: 'Card 4242 4242 4242 4242: payment succeeds' },
  { value: '4000000000000002', label: 'Card 4000 0000 0000 0002: card declined' },
  { value: '4000000000009995', label: 'Card 4000 0000 0000 9995: insufficient funds' },
];
const LATER_FAILS = {
  value: '4000000000000341',
  label: 'Card 4000 0000 0000 0341: accepted now, later charges fail',
};

export function checkoutPage(
  ctx: Ctx,
  session: StripeObject,
  lines: CheckoutLine[],
  error?: string,
  values: Record<string, string> = {},
): string {
  const total = formatAmount(session.amount_total as number, session.currency as string);
  const subscription = session.mode === 'subscription';
  const trialDays = Number(
    (ctx.state.hidden(session.id).subscription_data as Record<string, string> | undefined)
      ?.trial_period_days ?? 0,
  );
  const items = lines
    .map(
      (l) =>
        `<li>${e(describePrice(ctx, ctx.state.find(l.price.id) ?? l.price))}${l.quantity > 1 ? ` × ${l.quantity}` : ''}</li>`,
    )
    .join('');
  if (session.status !== 'open') {
    const done = session.status === 'complete';
    const link = done
      ? (session.success_url as string).replace(/\{CHECKOUT_SESSION_ID\}/g, session.id)
      : (session.cancel_url as string | null);
    return layout(
      done ? 'Payment complete' : 'Session expired',
      `<h1>${done ? 'This Checkout Session is complete' : 'This Checkout Session has expired'}</h1>
       ${link ? `<p><a href="${e(link)}">Return to the site</a></p>` : ''}`,
    );
  }
  const chosen = values.payment ?? PAYMENT_CARDS[0]?.value;
  const options = [...PAYMENT_CARDS, ...(subscription ? [LATER_FAILS] : [])];
  const radios = options
    .map(
      (o, i) =>
        `<div class="option"><input type="radio" id="pay-${i}" name="payment" value="${o.value}"${o.value === chosen ? ' checked' : ''}><label for="pay-${i}">${e(o.label)}</label></div>`,
    )
    .join('');
  const debit = subscription
    ? ''
    : `<div class="option"><input type="radio" id="pay-debit" name="payment" value="bank_debit"${chosen === 'bank_debit' ? ' checked' : ''} aria-describedby="debit-help"><label for="pay-debit">SEPA bank debit: processing, the bank decides later</label></div>
       <p id="debit-help" class="muted">The bank's answer is given on the <a href="/stripe/bank">fake bank page</a>.</p>`;
  const due = subscription && trialDays > 0 ? `${trialDays} days free, then ${total}` : total;
  const button = subscription ? (trialDays > 0 ? 'Start trial' : `Subscribe for ${total}`) : `Pay ${total}`;
  const cancel = session.cancel_url
    ? `<p><a href="${e(session.cancel_url as string)}">Cancel and return to the site</a></p>`
    : '';
  return layout(
    subscription ? 'Subscribe: Checkout' : 'Pay: Checkout',
    `<h1>${subscription ? 'Subscribe' : 'Pay'}</h1>
     <section aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2><ul>${items}</ul>
     <p><strong>Due:</strong> ${e(due)}</p></section>
     ${error ? `<div class="error" role="alert" id="checkout-error" tabindex="-1">${e(error)}</div>` : ''}
     <form method="post" action="/stripe/checkout/${e(session.id)}">
       <div class="field"><label for="email">Email</label>
         <input type="email" id="email" name="email" autocomplete="email" value="${e(values.email ?? (session.customer_email as string | null) ?? (session.customer_details as { email?: string } | null)?.email ?? '')}"></div>
       <div class="field"><label for="name">Name</label>
         <input type="text" id="name" name="name" autocomplete="name" value="${e(values.name ?? '')}"></div>
       <fieldset><legend>Payment method</legend>${radios}${debit}</fieldset>
       <button type="submit">${e(button)}</button>
     </form>
     ${cancel}`,
    error ? 'checkout-error' : undefined,
  );
}

export function bankPage(ctx: Ctx, pending: StripeObject[], notice?: string): string {
  const rows = pending
    .map((pi) => {
      const session = ctx.state.all('checkout.session').find((s) => s.payment_intent === pi.id);
      const ref = session?.client_reference_id ? ` (reference ${String(session.client_reference_id)})` : '';
      const label = `${formatAmount(pi.amount as number, pi.currency as string)} debit ${pi.id}${ref}`;
      return `<tr><td id="label-${e(pi.id)}">${e(label)}</td><td>
        <form class="inline" method="post" action="/stripe/bank/${e(pi.id)}"><input type="hidden" name="outcome" value="succeeded">
          <button type="submit" aria-describedby="label-${e(pi.id)}">Debit succeeds</button></form>
        <form class="inline" method="post" action="/stripe/bank/${e(pi.id)}"><input type="hidden" name="outcome" value="failed">
          <button type="submit" class="secondary" aria-describedby="label-${e(pi.id)}">Debit fails</button></form></td></tr>`;
    })
    .join('');
  return layout(
    'Fake bank',
    `<h1>Fake bank: debits waiting for an answer</h1>
     ${notice ? `<p class="notice" role="status">${e(notice)}</p>` : ''}
     ${rows ? `<table><caption class="muted">Newest first</caption><thead><tr><th scope="col">Debit</th><th scope="col">Answer</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No debit is waiting.</p>'}`,
  );
}

const NOTICES: Record<string, string> = {
  plan: 'Your plan was changed.',
  cancel: 'Your subscription will be canceled at the end of the period.',
  resume: 'Your subscription will continue.',
  card: 'Your card was updated.',
  declined: 'That card was declined. Your card was not changed.',
};

export function portalPage(ctx: Ctx, session: StripeObject, notice?: string): string {
  const customer = ctx.state.get(session.customer as string, 'customer');
  const subs = ctx.state
    .all('subscription')
    .filter(
      (s) =>
        s.customer === customer.id &&
        !['canceled', 'incomplete', 'incomplete_expired'].includes(s.status as string),
    );
  const pmId = (customer.invoice_settings as { default_payment_method: string | null })
    .default_payment_method;
  const pm = pmId ? ctx.state.find(pmId, 'payment_method') : undefined;
  const base = `/stripe/portal/${e(session.id)}`;
  const subsHtml = subs
    .map((sub, n) => {
      const item = (sub.items as { data: StripeObject[] }).data[0] as StripeObject;
      const price = item.price as StripeObject;
      const prices = ctx.state
        .all('price')
        .filter((p) => p.active && p.recurring && p.currency === price.currency);
      const end = item.current_period_end as number;
      const when = sub.cancel_at_period_end
        ? `Cancels on ${date(end)}`
        : sub.status === 'trialing'
          ? `Trial ends on ${date(sub.trial_end as number)}`
          : `Renews on ${date(end)}`;
      const options = prices
        .map(
          (p, i) =>
            `<div class="option"><input type="radio" id="plan-${n}-${i}" name="price" value="${e(p.id)}"${p.id === price.id ? ' checked' : ''}><label for="plan-${n}-${i}">${e(describePrice(ctx, p))}</label></div>`,
        )
        .join('');
      return `<section aria-labelledby="sub-${n}"><h2 id="sub-${n}">${e(describePrice(ctx, price))}</h2>
        <p>Status: <strong>${e(String(sub.status))}</strong>. ${e(when)}.</p>
        <form method="post" action="${base}"><input type="hidden" name="action" value="plan"><input type="hidden" name="subscription" value="${e(sub.id)}">
          <fieldset><legend>Change plan</legend>${options}</fieldset><button type="submit">Update plan</button></form>
        <form method="post" action="${base}"><input type="hidden" name="action" value="${sub.cancel_at_period_end ? 'resume' : 'cancel'}"><input type="hidden" name="subscription" value="${e(sub.id)}">
          <p><button type="submit" class="secondary">${sub.cancel_at_period_end ? "Don't cancel" : 'Cancel at period end'}</button></p></form></section>`;
    })
    .join('');
  const card = pm?.card as { last4: string } | undefined;
  const invoices = ctx.state
    .all('invoice')
    .filter((i) => i.customer === customer.id)
    .sort((a, b) => (b.created as number) - (a.created as number))
    .map(
      (i) =>
        `<tr><td>${date(i.created as number)}</td><td>${e(formatAmount(i.amount_due as number, i.currency as string))}</td><td>${e(String(i.status))}</td>
         <td><a href="${e(i.hosted_invoice_url as string)}">Invoice ${e(String(i.number))}</a> · <a href="${e(i.invoice_pdf as string)}">PDF<span class="muted"> of ${e(String(i.number))}</span></a></td></tr>`,
    )
    .join('');
  return layout(
    'Billing portal',
    `<h1>Billing</h1><p class="muted">${e(String(customer.email ?? customer.id))}</p>
     ${notice && NOTICES[notice] ? `<p class="${notice === 'declined' ? 'error' : 'notice'}" role="status" id="portal-notice" tabindex="-1">${e(NOTICES[notice] as string)}</p>` : ''}
     ${subsHtml || '<p>No current subscription.</p>'}
     <section aria-labelledby="card-title"><h2 id="card-title">Payment method</h2>
       <p>${card ? `Card ending in ${e(card.last4)}` : 'No card on file.'}</p>
       <form method="post" action="${base}"><input type="hidden" name="action" value="card">
         <fieldset><legend>Update card</legend>
           <div class="option"><input type="radio" id="card-ok" name="card" value="4242424242424242" checked><label for="card-ok">Card 4242 4242 4242 4242: works</label></div>
           <div class="option"><input type="radio" id="card-fails" name="card" value="4000000000000341"><label for="card-fails">Card 4000 0000 0000 0341: declines at the next charge</label></div>
           <div class="option"><input type="radio" id="card-refused" name="card" value="4000000000000002"><label for="card-refused">Card 4000 0000 0000 0002: refused now</label></div>
         </fieldset><button type="submit">Update card</button></form></section>
     <section aria-labelledby="inv-title"><h2 id="inv-title">Invoices</h2>
       ${invoices ? `<table><thead><tr><th scope="col">Date</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Documents</th></tr></thead><tbody>${invoices}</tbody></table>` : '<p>No invoices yet.</p>'}</section>
     ${session.return_url ? `<p><a href="${e(session.return_url as string)}">Return to the site</a></p>` : ''}`,
    notice ? 'portal-notice' : undefined,
  );
}

export function invoiceLines(ctx: Ctx, invoice: StripeObject): string[] {
  const lines = (
    invoice.lines as {
      data: {
        description: string;
        amount: number;
        currency: string;
        period: { start: number; end: number };
      }[];
    }
  ).data;
  return [
    `Invoice ${String(invoice.number)} (${String(invoice.status)})`,
    `Issued by ${String(invoice.account_name)} on ${date(invoice.created as number)}`,
    `Billed to ${String(invoice.customer_email ?? invoice.customer)}`,
    '',
    ...lines.map(
      (l) =>
        `${l.description}, ${date(l.period.start)} to ${date(l.period.end)}: ${formatAmount(l.amount, l.currency)}`,
    ),
    '',
    `Total: ${formatAmount(invoice.total as number, invoice.currency as string)}`,
    `Amount paid: ${formatAmount(invoice.amount_paid as number, invoice.currency as string)}`,
    `Amount remaining: ${formatAmount(invoice.amount_remaining as number, invoice.currency as string)}`,
  ];
}

export function invoicePage(ctx: Ctx, invoice: StripeObject): string {
  const lines = invoiceLines(ctx, invoice);
  return layout(
    `Invoice ${String(invoice.number)}`,
    `<h1>${e(lines[0] as string)}</h1>${lines
      .slice(1)
      .filter((l) => l !== '')
      .map((l) => `<p>${e(l)}</p>`)
      .join('')}<p><a href="${e(invoice.invoice_pdf as string)}">Download PDF</a></p>`,
  );
}

export function receiptPage(ctx: Ctx, charge: StripeObject): string {
  const amount = formatAmount(charge.amount as number, charge.currency as string);
  const refunded = charge.amount_refunded as number;
  const details = charge.payment_method_details as {
    card?: { last4: string };
    sepa_debit?: { last4: string };
  } | null;
  const method = details?.card
    ? `Card ending in ${details.card.last4}`
    : details?.sepa_debit
      ? `SEPA debit, account ending in ${details.sepa_debit.last4}`
      : 'Payment';
  return layout(
    'Receipt',
    `<h1>Receipt</h1><p>Amount paid: <strong>${e(amount)}</strong></p><p>Date paid: ${date(charge.created as number)}</p>
     <p>${e(method)}</p>${charge.description ? `<p>${e(String(charge.description))}</p>` : ''}
     ${refunded > 0 ? `<p>Refunded: ${e(formatAmount(refunded, charge.currency as string))}</p>` : ''}<p class="muted">Receipt ${e(charge.id)}</p>`,
  );
}
