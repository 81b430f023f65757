// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable link secrets (256 random bits); only their SHA-256 is stored. */
final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {}

    static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "q" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Anything that is not shaped like a token is refused before touching the database. */
    static boolean wellFormed(String token) {
        return token.length() == 44 && token.startsWith("q") && token.substring(1).matches("[A-Za-z0-9_-]{43}");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
