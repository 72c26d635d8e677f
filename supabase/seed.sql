-- Reference data every environment needs (professions and their specialties). Idempotent: runs
-- after migrations on a new or reset database. Demo and volume data come from tools/seed.

insert into public.professions (code, name_fr, name_en, registry, regulated) values
  ('general_practitioner', 'Médecin généraliste', 'General practitioner', 'rpps', true),
  ('occupational_physician', 'Médecin du travail', 'Occupational physician', 'rpps', true),
  ('psychiatrist', 'Psychiatre', 'Psychiatrist', 'rpps', true),
  ('psychologist', 'Psychologue', 'Psychologist', 'adeli', true),
  ('psychotherapist', 'Psychothérapeute', 'Psychotherapist', 'adeli', true),
  ('physiotherapist', 'Masseur-kinésithérapeute', 'Physiotherapist', 'rpps', true),
  ('osteopath', 'Ostéopathe', 'Osteopath', 'adeli', true),
  ('dietitian', 'Diététicien', 'Dietitian', 'adeli', true),
  ('nurse', 'Infirmier', 'Nurse', 'rpps', true),
  ('midwife', 'Sage-femme', 'Midwife', 'rpps', true),
  ('speech_therapist', 'Orthophoniste', 'Speech therapist', 'adeli', true),
  ('sophrologist', 'Sophrologue', 'Sophrologist', 'none', false),
  ('naturopath', 'Naturopathe', 'Naturopath', 'none', false)
on conflict (code) do update
  set name_fr = excluded.name_fr, name_en = excluded.name_en, registry = excluded.registry, regulated = excluded.regulated;

insert into public.specialties (profession_code, code, name_fr, name_en) values
  ('general_practitioner', 'teleconsultation', 'Téléconsultation', 'Teleconsultation'),
  ('general_practitioner', 'sports_medicine', 'Médecine du sport', 'Sports medicine'),
  ('occupational_physician', 'workplace_wellbeing', 'Qualité de vie au travail', 'Workplace wellbeing'),
  ('occupational_physician', 'return_to_work', 'Reprise du travail', 'Return to work'),
  ('psychiatrist', 'mood_disorders', 'Troubles de l''humeur', 'Mood disorders'),
  ('psychologist', 'cbt', 'Thérapie cognitivo-comportementale', 'Cognitive behavioural therapy'),
  ('psychologist', 'burnout', 'Épuisement professionnel', 'Burnout'),
  ('psychologist', 'anxiety', 'Anxiété', 'Anxiety'),
  ('psychologist', 'couples', 'Thérapie de couple', 'Couples therapy'),
  ('psychologist', 'child', 'Enfant et adolescent', 'Children and adolescents'),
  ('psychotherapist', 'emdr', 'EMDR', 'EMDR'),
  ('psychotherapist', 'trauma', 'Psychotraumatologie', 'Trauma'),
  ('physiotherapist', 'sports', 'Kinésithérapie du sport', 'Sports physiotherapy'),
  ('physiotherapist', 'back_pain', 'Mal de dos', 'Back pain'),
  ('physiotherapist', 'respiratory', 'Kinésithérapie respiratoire', 'Respiratory physiotherapy'),
  ('osteopath', 'pediatric', 'Ostéopathie pédiatrique', 'Paediatric osteopathy'),
  ('osteopath', 'sports', 'Ostéopathie du sport', 'Sports osteopathy'),
  ('dietitian', 'weight', 'Gestion du poids', 'Weight management'),
  ('dietitian', 'diabetes', 'Diabète', 'Diabetes'),
  ('dietitian', 'sports_nutrition', 'Nutrition du sportif', 'Sports nutrition'),
  ('nurse', 'home_care', 'Soins à domicile', 'Home care'),
  ('nurse', 'smoking_cessation', 'Sevrage tabagique', 'Smoking cessation'),
  ('midwife', 'prenatal', 'Préparation à la naissance', 'Antenatal classes'),
  ('midwife', 'postnatal', 'Suivi postnatal', 'Postnatal care'),
  ('speech_therapist', 'stuttering', 'Bégaiement', 'Stuttering'),
  ('sophrologist', 'stress', 'Gestion du stress', 'Stress management'),
  ('sophrologist', 'sleep', 'Sommeil', 'Sleep'),
  ('naturopath', 'nutrition', 'Alimentation', 'Nutrition')
on conflict (profession_code, code) do update set name_fr = excluded.name_fr, name_en = excluded.name_en;

-- Subscription plans, mirrored as Stripe prices found by lookup key (the Stripe fake creates them
-- from this table; in production they are created once in the Stripe dashboard with these keys).
insert into public.plans (code, name_fr, name_en, billing_interval, amount_cents, currency, trial_days, stripe_lookup_key, sort_order) values
  ('essential_monthly', 'Essentiel mensuel', 'Essential monthly', 'month', 4900, 'EUR', 14, 'carebook_essential_monthly', 1),
  ('essential_yearly', 'Essentiel annuel', 'Essential yearly', 'year', 49000, 'EUR', 14, 'carebook_essential_yearly', 2)
on conflict (code) do update
  set name_fr = excluded.name_fr, name_en = excluded.name_en, billing_interval = excluded.billing_interval,
      amount_cents = excluded.amount_cents, currency = excluded.currency, trial_days = excluded.trial_days,
      stripe_lookup_key = excluded.stripe_lookup_key, sort_order = excluded.sort_order;

-- The site's first content pages, linked from the booking app's footer. Staff rewrite them on the
-- desk (/staff/content); a reseed never overwrites what they wrote.
insert into public.content_pages (slug, locale, title, body_md, published) values
  ('help', 'fr', 'Aide', E'## Réserver une consultation\n\nCherchez un praticien par profession, spécialité ou ville, choisissez un créneau libre puis confirmez. Si la consultation est payante, le paiement se fait en ligne et le créneau vous est réservé pendant quelques minutes.\n\n## Annuler ou déplacer\n\nDepuis **Mes rendez-vous**, jusqu’au délai fixé par le praticien. Un rendez-vous payé et annulé à temps est remboursé.\n\n## Nous écrire\n\nPour toute question : [support@carebook.test](mailto:support@carebook.test).', true),
  ('help', 'en', 'Help', E'## Booking a consultation\n\nSearch for a practitioner by profession, specialty or town, pick a free time and confirm. When the consultation is paid, you pay online and the time is held for you for a few minutes.\n\n## Cancelling or moving\n\nFrom **My appointments**, up to the practitioner''s cut-off. A paid appointment cancelled in time is refunded.\n\n## Contact us\n\nAny question: [support@carebook.test](mailto:support@carebook.test).', true),
  ('terms', 'fr', 'Conditions d’utilisation', E'Carebook met en relation des particuliers et des praticiens dont l’équipe a vérifié l’inscription et les diplômes. Le praticien reste seul responsable de la consultation.\n\nUn rendez-vous réservé engage : annulez-le dans le délai indiqué si vous ne pouvez pas venir.', true),
  ('terms', 'en', 'Terms of use', E'Carebook puts individuals in touch with practitioners whose registration and diplomas the team has checked. The practitioner alone is responsible for the consultation.\n\nA booked appointment is a commitment: cancel it within the stated time if you cannot come.', true),
  ('privacy', 'fr', 'Confidentialité', E'Nous conservons ce qu’il faut pour vos rendez-vous : votre nom, votre adresse e-mail, vos rendez-vous et leurs paiements. Les paiements passent par Stripe ; nous ne voyons jamais votre carte.\n\nVous pouvez demander la suppression de votre compte à tout moment.', true),
  ('privacy', 'en', 'Privacy', E'We keep what your appointments need: your name, e-mail address, appointments and their payments. Payments go through Stripe; we never see your card.\n\nYou can ask for your account to be deleted at any time.', true),
  ('about', 'fr', 'À propos', E'Carebook aide chacun, et notamment les salariés des entreprises clientes, à consulter des praticiens de santé et de bien-être vérifiés, le plus souvent en vidéo.', true),
  ('about', 'en', 'About', E'Carebook helps everyone, employees of client companies among them, see verified health and wellbeing practitioners, mostly by video.', true)
on conflict (slug, locale) do nothing;

-- Home-care catalogue (staff edit it afterwards; a rerun restores names and durations only).
insert into public.care_types (profession_code, code, name_fr, name_en, duration_minutes) values
  ('nurse', 'injection', 'Injection', 'Injection', 15),
  ('nurse', 'dressing', 'Pansement', 'Dressing', 30),
  ('nurse', 'blood_draw', 'Prise de sang', 'Blood draw', 15),
  ('nurse', 'insulin', 'Insuline et glycémie', 'Insulin and blood sugar', 15),
  ('nurse', 'post_operative', 'Soins post-opératoires', 'Post-operative care', 45),
  ('physiotherapist', 'home_physiotherapy', 'Kinésithérapie à domicile', 'Physiotherapy at home', 45),
  ('midwife', 'postnatal_visit', 'Suivi postnatal à domicile', 'Postnatal home visit', 45)
on conflict (profession_code, code) do update
  set name_fr = excluded.name_fr, name_en = excluded.name_en, duration_minutes = excluded.duration_minutes;
