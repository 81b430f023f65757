// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key outside the database (ADR 026): AES-256-GCM for the authenticator secrets, and HMAC-SHA-256 ("pepper") for
 * the recovery-code hashes. From {@code kap.security.mfa.encryption-key}, else from {@code <data-dir>/mfa.key}, made
 * on first use with owner-only permissions. Never logged.
 */
@Component
class MfaKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MfaSettings settings;
    private final Path keyFile;
    private volatile byte @org.jspecify.annotations.Nullable [] key;

    MfaKey(MfaSettings settings, @Value("${kap.data-dir:./data}") String dataDir) {
        this.settings = settings;
        this.keyFile = Path.of(dataDir, "mfa.key");
    }

    String encrypt(String plain) {
        try {
            var iv = new byte[12];
            RANDOM.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aes(), new GCMParameterSpec(128, iv));
            var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalStateException if this installation's key did not seal it (e.g. a node with another key) */
    String decrypt(String stored) {
        if (!stored.startsWith("v1:")) {
            throw new IllegalStateException("unknown secret format");
        }
        try {
            var bytes = Base64.getDecoder().decode(stored.substring(3));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aes(), new GCMParameterSpec(128, bytes, 0, 12));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The MFA secret cannot be opened with this installation's key.");
        }
    }

    String hmac(String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKey aes() {
        return new SecretKeySpec(bytes(), "AES");
    }

    private byte[] bytes() {
        var known = key;
        if (known == null) {
            synchronized (this) {
                known = key == null ? load() : key;
                key = known;
            }
        }
        return known;
    }

    private byte[] load() {
        if (!settings.encryptionKey().isBlank()) {
            var decoded = Base64.getDecoder().decode(settings.encryptionKey().trim());
            if (decoded.length != 32) {
                throw new IllegalStateException("kap.security.mfa.encryption-key must be base64 of 32 bytes "
                        + "(e.g. openssl rand -base64 32).");
            }
            return decoded;
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                var fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
                    try {
                        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the data folder's own permissions apply
                    }
                } catch (FileAlreadyExistsException raced) {
                    // another thread or process made it first: read theirs below
                }
            }
            return Base64.getDecoder().decode(Files.readString(keyFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the MFA key file " + keyFile, e);
        }
    }
}
