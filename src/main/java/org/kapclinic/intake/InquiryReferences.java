// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

/**
 * Short references people can read out on the phone: "INQ-" and six Crockford base-32 characters (no I, L, O, U).
 * The sequence number is scrambled by an odd multiplier modulo 2^30, a bijection, so references are unique without
 * revealing how many inquiries the clinic receives.
 */
final class InquiryReferences {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final long MASK = (1L << 30) - 1;
    private static final long MULTIPLIER = 0x2F1B3D5L; // odd

    private InquiryReferences() {}

    static String fromSequence(long sequence) {
        long scrambled = (sequence * MULTIPLIER) & MASK;
        var chars = new char[6];
        for (int i = 5; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (scrambled & 31));
            scrambled >>>= 5;
        }
        return "INQ-" + new String(chars);
    }
}
