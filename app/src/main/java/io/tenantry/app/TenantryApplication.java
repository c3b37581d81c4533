package io.tenantry.app;

import io.tenantry.app.token.KeysCommand;
import io.tenantry.app.token.TokenCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Tenantry, all in one process by default. {@code --spring.profiles.active=command} runs only the command role,
 * {@code query} only the query role. {@code java -jar tenantry.jar token ...} prints a development token instead,
 * {@code keys} creates the development secrets.
 */
@SpringBootApplication
public class TenantryApplication {

    public static void main(String[] args) {
        if (args.length > 0 && TokenCommand.NAME.equals(args[0])) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && KeysCommand.NAME.equals(args[0])) {
            System.exit(KeysCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        try {
            SpringApplication.run(TenantryApplication.class, args);
        } catch (Throwable startupFailure) {
            // already reported by Spring Boot; exit even if a half-started component left threads behind
            System.exit(1);
        }
    }
}
