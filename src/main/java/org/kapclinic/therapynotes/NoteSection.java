// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

/**
 * One labelled part of a note's template. {@code required} sections must be filled before the note is signed (a draft
 * may be incomplete); {@code maxLength} holds always. A {@link Kind#READINESS} section is a choice (ready / not yet
 * ready) stored under {@code key} with its reason under {@code key + "Reason"}.
 */
public record NoteSection(String key, String label, String hint, boolean required, int maxLength, Kind kind) {

    public enum Kind { TEXT, READINESS }

    static NoteSection text(String key, String label, String hint, boolean required) {
        return new NoteSection(key, label, hint, required, 4000, Kind.TEXT);
    }

    static NoteSection longText(String key, String label, String hint) {
        return new NoteSection(key, label, hint, true, 20000, Kind.TEXT);
    }

    public boolean readiness() {
        return kind == Kind.READINESS;
    }

    public String reasonKey() {
        return key + "Reason";
    }
}
