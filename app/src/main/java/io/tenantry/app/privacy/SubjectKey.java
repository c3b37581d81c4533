package io.tenantry.app.privacy;

import javax.crypto.SecretKey;

/** One data subject's AES-256 key and the id the ciphertexts name it by. */
record SubjectKey(String keyId, SecretKey key) {

    @Override
    public String toString() {
        return "SubjectKey[" + keyId + "]";
    }
}
