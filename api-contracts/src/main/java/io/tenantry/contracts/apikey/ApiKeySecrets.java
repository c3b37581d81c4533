package io.tenantry.contracts.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The shape of a tenant API key's secret: {@code tnt_}, 32 random base62 characters (190 bits) and a 6-character
 * base62 CRC32 of them, 42 characters in all ({@code tnt_[0-9A-Za-z]{38}}). The fixed prefix lets secret scanners
 * find a leaked key; the checksum lets them, and Tenantry, tell a real-looking key from a typo without a lookup.
 * Only the SHA-256 of the whole secret is stored (the secret is random, so a fast hash is as safe as a slow one).
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "tnt_";
    public static final int LENGTH = PREFIX.length() + 38;
    /** How much of a secret is shown after it was created: the prefix and 8 characters. */
    public static final int SHOWN = PREFIX.length() + 8;

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int RANDOM = 32;
    private static final int CHECKSUM = 6;
    private static final SecureRandom RANDOMNESS = new SecureRandom();

    private ApiKeySecrets() {}

    /** A new secret. */
    public static String generate() {
        char[] secret = new char[LENGTH];
        PREFIX.getChars(0, PREFIX.length(), secret, 0);
        for (int i = 0; i < RANDOM; i++) {
            secret[PREFIX.length() + i] = BASE62[RANDOMNESS.nextInt(BASE62.length)];
        }
        long crc = checksum(secret, PREFIX.length(), RANDOM);
        for (int i = CHECKSUM - 1; i >= 0; i--) {
            secret[PREFIX.length() + RANDOM + i] = BASE62[(int) (crc % 62)];
            crc /= 62;
        }
        return new String(secret);
    }

    /** Whether {@code candidate} has a key's shape and a checksum that matches: cheap, no lookup. */
    public static boolean wellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
            return false;
        }
        long crc = 0;
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            int digit = digit(candidate.charAt(i));
            if (digit < 0) {
                return false;
            }
            if (i >= PREFIX.length() + RANDOM) {
                crc = crc * 62 + digit;
            }
        }
        return crc == checksum(candidate.toCharArray(), PREFIX.length(), RANDOM);
    }

    /** The SHA-256 of the secret: what is stored and looked up. */
    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The hash as the events carry it (lower-case hex). */
    public static String hashHex(String secret) {
        return HexFormat.of().formatHex(hash(secret));
    }

    /** The part of a secret shown in lists: {@code tnt_} and 8 characters. */
    public static String shown(String secret) {
        return secret.substring(0, SHOWN);
    }

    private static long checksum(char[] chars, int from, int length) {
        CRC32 crc = new CRC32();
        for (int i = from; i < from + length; i++) {
            crc.update(chars[i]);
        }
        // 62^6 > 2^32: six base62 digits hold any CRC32
        return crc.getValue();
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }
}
