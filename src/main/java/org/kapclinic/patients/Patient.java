// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import org.kapclinic.vocabulary.UsState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The patient aggregate. Changes go through named transitions ({@link #register}, {@link #correct},
 * {@link #assignCareTeam}, {@link #voidRecord}); a voided record refuses further changes. The version column gives
 * optimistic locking, so two people editing at once cannot silently overwrite each other.
 */
@Table("patient")
class Patient {

    @Id
    private final UUID id;
    private final String mrn;
    private String legalGivenName;
    private String legalFamilyName;
    private @Nullable String preferredName;
    private @Nullable String pronouns;
    private LocalDate dateOfBirth;
    private String sexAssignedAtBirth;
    private @Nullable String genderIdentity;
    private @Nullable String phone;
    private @Nullable String email;
    private @Nullable String addressLine1;
    private @Nullable String addressLine2;
    private @Nullable String city;
    private @Nullable String state;
    private @Nullable String postalCode;
    private @Nullable String emergencyContactName;
    private @Nullable String emergencyContactPhone;
    private @Nullable String emergencyContactRelationship;
    private @Nullable String preferredLanguage;
    private @Nullable UUID therapistId;
    private @Nullable UUID prescriberId;
    private @Nullable UUID accountId;
    private String searchFamily;
    private String searchGiven;
    private final Instant createdAt;
    private final String createdBy;
    private Instant updatedAt;
    private String updatedBy;
    private @Nullable Instant voidedAt;
    private @Nullable String voidedBy;
    private @Nullable String voidReason;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Patient(UUID id, String mrn, String legalGivenName, String legalFamilyName, @Nullable String preferredName,
            @Nullable String pronouns, LocalDate dateOfBirth, String sexAssignedAtBirth, @Nullable String genderIdentity,
            @Nullable String phone, @Nullable String email, @Nullable String addressLine1, @Nullable String addressLine2,
            @Nullable String city, @Nullable String state, @Nullable String postalCode,
            @Nullable String emergencyContactName, @Nullable String emergencyContactPhone,
            @Nullable String emergencyContactRelationship, @Nullable String preferredLanguage,
            @Nullable UUID therapistId, @Nullable UUID prescriberId, @Nullable UUID accountId, String searchFamily,
            String searchGiven, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Nullable Instant voidedAt, @Nullable String voidedBy, @Nullable String voidReason, @Nullable Long version) {
        this.id = id;
        this.mrn = mrn;
        this.legalGivenName = legalGivenName;
        this.legalFamilyName = legalFamilyName;
        this.preferredName = preferredName;
        this.pronouns = pronouns;
        this.dateOfBirth = dateOfBirth;
        this.sexAssignedAtBirth = sexAssignedAtBirth;
        this.genderIdentity = genderIdentity;
        this.phone = phone;
        this.email = email;
        this.addressLine1 = addressLine1;
        this.addressLine2 = addressLine2;
        this.city = city;
        this.state = state;
        this.postalCode = postalCode;
        this.emergencyContactName = emergencyContactName;
        this.emergencyContactPhone = emergencyContactPhone;
        this.emergencyContactRelationship = emergencyContactRelationship;
        this.preferredLanguage = preferredLanguage;
        this.therapistId = therapistId;
        this.prescriberId = prescriberId;
        this.accountId = accountId;
        this.searchFamily = searchFamily;
        this.searchGiven = searchGiven;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.voidedAt = voidedAt;
        this.voidedBy = voidedBy;
        this.voidReason = voidReason;
        this.version = version;
    }

    static Patient register(PatientDetails details, Mrn mrn, String by, Instant at) {
        var d = requireComplete(details.normalised());
        var patient = new Patient(UUID.randomUUID(), mrn.value(), d.legalGivenName(), d.legalFamilyName(), null, null,
                d.dateOfBirth(), d.sexAssignedAtBirth().name(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, "", "", at, by, at, by, null, null, null, null);
        patient.apply(d);
        return patient;
    }

    /** Corrects demographics. Refused on a voided record. */
    void correct(PatientDetails details, String by, Instant at) {
        requireActive();
        apply(requireComplete(details.normalised()));
        touch(by, at);
    }

    void assignCareTeam(@Nullable UUID therapist, @Nullable UUID prescriber, String by, Instant at) {
        requireActive();
        this.therapistId = therapist;
        this.prescriberId = prescriber;
        touch(by, at);
    }

    void linkAccount(UUID account, String by, Instant at) {
        requireActive();
        if (accountId != null) {
            throw new IllegalStateException("This patient already has a portal account.");
        }
        this.accountId = account;
        touch(by, at);
    }

    /** Removes the record from use. Nothing is deleted; the reason is kept. */
    void voidRecord(String reason, String by, Instant at) {
        requireActive();
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required to void a record.");
        }
        this.voidedAt = at;
        this.voidedBy = by;
        this.voidReason = reason.trim();
        touch(by, at);
    }

    private void apply(PatientDetails d) {
        this.legalGivenName = d.legalGivenName();
        this.legalFamilyName = d.legalFamilyName();
        this.preferredName = d.preferredName();
        this.pronouns = d.pronouns();
        this.dateOfBirth = d.dateOfBirth();
        this.sexAssignedAtBirth = d.sexAssignedAtBirth().name();
        this.genderIdentity = d.genderIdentity();
        this.phone = d.phone();
        this.email = d.email();
        this.addressLine1 = d.addressLine1();
        this.addressLine2 = d.addressLine2();
        this.city = d.city();
        this.state = d.state() == null ? null : d.state().name();
        this.postalCode = d.postalCode();
        this.emergencyContactName = d.emergencyContactName();
        this.emergencyContactPhone = d.emergencyContactPhone();
        this.emergencyContactRelationship = d.emergencyContactRelationship();
        this.preferredLanguage = d.preferredLanguage();
        this.searchFamily = SearchKey.of(d.legalFamilyName());
        this.searchGiven = SearchKey.of(d.legalGivenName());
    }

    private static PatientDetails requireComplete(PatientDetails d) {
        if (d.legalGivenName() == null || d.legalFamilyName() == null || d.dateOfBirth() == null
                || d.sexAssignedAtBirth() == null) {
            throw new IllegalArgumentException("Legal name, date of birth and sex assigned at birth are required.");
        }
        return d;
    }

    private void requireActive() {
        if (voidedAt != null) {
            throw new PatientRecordVoided(id());
        }
    }

    private void touch(String by, Instant at) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    PatientId id() {
        return new PatientId(id);
    }

    Mrn mrn() {
        return new Mrn(mrn);
    }

    PatientDetails details() {
        return new PatientDetails(legalGivenName, legalFamilyName, preferredName, pronouns, dateOfBirth,
                SexAssignedAtBirth.valueOf(sexAssignedAtBirth), genderIdentity, phone, email, addressLine1,
                addressLine2, city, state == null ? null : UsState.valueOf(state), postalCode, emergencyContactName,
                emergencyContactPhone, emergencyContactRelationship, preferredLanguage);
    }

    @Nullable UUID therapistId() {
        return therapistId;
    }

    @Nullable UUID prescriberId() {
        return prescriberId;
    }

    @Nullable UUID accountId() {
        return accountId;
    }

    boolean isVoided() {
        return voidedAt != null;
    }

    @Nullable String voidReason() {
        return voidReason;
    }

    @Nullable Instant voidedAt() {
        return voidedAt;
    }

    @Nullable String voidedBy() {
        return voidedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String updatedBy() {
        return updatedBy;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
