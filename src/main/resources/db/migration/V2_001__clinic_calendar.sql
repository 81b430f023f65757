-- The clinic's business calendar (one row, id 1). Without a row the settings in application.properties apply.
CREATE TABLE clinic_calendar (
    id                   INT PRIMARY KEY,
    time_zone            VARCHAR(60) NOT NULL,
    business_days        VARCHAR(40) NOT NULL,
    opens_at             TIME NOT NULL,
    closes_at            TIME NOT NULL,
    us_federal_holidays  BOOLEAN NOT NULL,
    counting_mode        VARCHAR(20) NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(254) NOT NULL,
    version              BIGINT NOT NULL
);

-- Days the clinic is closed besides (or instead of) the US federal holidays.
CREATE TABLE clinic_holiday (
    holiday_date  DATE PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(254) NOT NULL
);
