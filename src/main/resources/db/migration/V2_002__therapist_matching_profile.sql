-- What matching needs from a clinician's profile. Lists are stored ';'-separated, codes in lower case.
ALTER TABLE staff_profile ADD COLUMN focus_codes VARCHAR(300) DEFAULT '' NOT NULL;
ALTER TABLE staff_profile ADD COLUMN kap_trained BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE staff_profile ADD COLUMN telehealth BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE staff_profile ADD COLUMN in_person_locations VARCHAR(300) DEFAULT '' NOT NULL;
ALTER TABLE staff_profile ADD COLUMN gender VARCHAR(20);
ALTER TABLE staff_profile ADD COLUMN affirming VARCHAR(300) DEFAULT '' NOT NULL;
ALTER TABLE staff_profile ADD COLUMN insurance_panels VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE staff_profile ADD COLUMN availability VARCHAR(1000) DEFAULT '' NOT NULL;
ALTER TABLE staff_profile ADD COLUMN caseload_limit INT DEFAULT 0 NOT NULL;
ALTER TABLE staff_profile ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
