package io.tenantry.app.token;

import io.tenantry.app.embedded.DevJwtKeys;
import io.tenantry.app.embedded.DevPrivacySecret;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar tenantry.jar keys [--data-dir ./tenantry-data]} creates, if missing, the development JWT key pair
 * and privacy secret the embedded default would create, and prints where they are (for docker-compose, say).
 */
public final class KeysCommand {

    public static final String NAME = "keys";
    private static final String USAGE = """
            Usage: java -jar tenantry.jar keys [--data-dir ./tenantry-data]
            Creates (if missing) <data-dir>/jwt/{private,public}.pem and <data-dir>/privacy/secret and prints
             their paths.""";

    private KeysCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String dataDir = TokenCommand.defaultDataDir();
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length == 2 && args[0].equals("--data-dir")) {
            dataDir = args[1];
        } else if (args.length == 1 && args[0].startsWith("--data-dir=")) {
            dataDir = args[0].substring("--data-dir=".length());
        } else if (args.length != 0) {
            err.println("Unexpected arguments: " + Arrays.toString(args));
            err.println(USAGE);
            return 2;
        }
        Path directory = Path.of(dataDir).toAbsolutePath().normalize();
        Path publicKey = DevJwtKeys.ensure(directory);
        out.println("JWT public key:  " + publicKey);
        out.println("JWT private key: " + DevJwtKeys.directory(directory).resolve(DevJwtKeys.PRIVATE_KEY));
        out.println("privacy secret:  " + DevPrivacySecret.ensure(directory));
        return 0;
    }
}
