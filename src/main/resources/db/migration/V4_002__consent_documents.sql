-- Version 1 of each consent document: plain-language starting texts written for this project. A clinic publishes
-- its own reviewed wording as version 2 from Administration > Consents; patients who signed version 1 are then asked
-- to sign again.
INSERT INTO consent_document (id, kind, version, title, body, published_at, published_by) VALUES
('9a2c1f00-0000-4000-8000-000000000001', 'TREATMENT', 1, 'Consent to treatment',
'You are agreeing to be evaluated and, if a prescriber finds it appropriate, treated with esketamine or ketamine alongside therapy at this clinic.

What treatment involves: each dosing session is given in the clinic under observation. Your blood pressure, breathing and alertness are checked before the dose and while you are observed afterwards, for at least two hours after esketamine.

Common effects: dissociation (feeling detached or unreal), dizziness, nausea, sleepiness, a spinning feeling, numbness and a rise in blood pressure. They usually pass within hours of the dose.

Serious risks: sedation, breathing problems, misuse, and changes in mood, including suicidal thoughts. Tell us at once if you have thoughts of harming yourself; call or text 988 or call 911 in an emergency.

On dosing days: no food for 2 hours and no drinks for 30 minutes before the dose; someone must drive you home; do not drive until the next day after a night''s sleep.

You may stop treatment at any time. Stopping does not affect the rest of your care here.',
CURRENT_TIMESTAMP, 'seed'),
('9a2c1f00-0000-4000-8000-000000000002', 'OFF_LABEL_KETAMINE', 1, 'Off-label use of ketamine',
'Ketamine is approved by the FDA as an anesthetic. Using it to treat depression, by infusion, injection or tablets that dissolve in the mouth, is "off-label": doctors may prescribe it this way, but the FDA has not reviewed it for depression.

Studies show that a series of ketamine infusions helps many people whose depression has not improved with other treatments, but the effect often fades over weeks, and long-term safety with repeated doses is less well known.

You are agreeing that the prescriber has explained this, that you have been able to ask questions, and that you choose to go ahead.',
CURRENT_TIMESTAMP, 'seed'),
('9a2c1f00-0000-4000-8000-000000000003', 'KAP', 1, 'Ketamine-assisted psychotherapy',
'Ketamine-assisted psychotherapy combines ketamine dosing sessions with therapy: one or more preparation sessions before each dosing session, and one or two integration sessions in the days after it.

Your therapist is with you during dosing sessions. Touch is used only with your permission, asked for beforehand. You can ask to stop a session at any time.

You are agreeing to take part in preparation and integration sessions, and to tell your therapist about anything you take or experience between sessions.',
CURRENT_TIMESTAMP, 'seed'),
('9a2c1f00-0000-4000-8000-000000000004', 'TELEHEALTH', 1, 'Telehealth',
'Some therapy and follow-up visits may take place by secure video. You are agreeing to be seen this way when you and your clinician choose it.

Join from a private place. Video visits can be interrupted by technical problems; if the call drops we will try to reach you by phone. Dosing sessions are never done by video.

In an emergency during a video visit, tell us where you are so we can send help.',
CURRENT_TIMESTAMP, 'seed'),
('9a2c1f00-0000-4000-8000-000000000005', 'COMMUNICATION', 1, 'Communication by email and text',
'We send appointment reminders, questionnaire links and other messages by email, and by text message where you ask for it. Messages never name your diagnosis or treatment; they link to pages that need you to sign in or that are meant only for you.

Email and text are not monitored around the clock. Do not use them in a crisis: call or text 988, or call 911.

You can change how we contact you at any time.',
CURRENT_TIMESTAMP, 'seed');
