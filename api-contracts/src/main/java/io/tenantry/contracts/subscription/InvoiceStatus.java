package io.tenantry.contracts.subscription;

import java.util.Locale;
import java.util.Optional;

/** An invoice's status. Stripe's {@code draft} counts as OPEN: not paid yet. The last three are final. */
public enum InvoiceStatus {
    OPEN,
    PAID,
    VOID,
    UNCOLLECTIBLE;

    public static Optional<InvoiceStatus> fromStripe(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "draft", "open" -> Optional.of(OPEN);
            case "paid" -> Optional.of(PAID);
            case "void" -> Optional.of(VOID);
            case "uncollectible" -> Optional.of(UNCOLLECTIBLE);
            default -> Optional.empty();
        };
    }

    public boolean isFinal() {
        return this != OPEN;
    }
}
