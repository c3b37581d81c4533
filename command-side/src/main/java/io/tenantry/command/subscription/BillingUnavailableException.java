package io.tenantry.command.subscription;

/** The biller (Stripe) cannot be reached or failed on its side: nothing was changed; retry later. */
public class BillingUnavailableException extends RuntimeException {

    public BillingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
