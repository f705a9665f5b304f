package io.ledgerline.platforms.connection;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a platform's one webhook secret is: data, read by {@link SettingsRules}.
 *
 * @param mode who provides it, and when
 * @param description what it is on the platform, for messages (e.g. {@code the HubSpot app's client
 *     secret}); for {@link Mode#NONE} why there is none
 * @param minLength the shortest secret accepted from a tenant
 * @param maxLength the longest (the platform's own limit, else 512)
 * @param generator makes one where Ledgerline chooses it; null where it never does
 * @param format checks a given secret's format beyond its length (throws {@link InvalidSetting});
 *     null for none
 */
public record SecretRule(
    Mode mode,
    String description,
    int minLength,
    int maxLength,
    Function<SecretGenerator, String> generator,
    Consumer<String> format) {

  public static final int MAX_LENGTH = 512;

  public SecretRule {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(description, "description");
    if ((mode == Mode.GENERATED_IF_ABSENT || mode == Mode.ALWAYS_GENERATED) && generator == null) {
      throw new IllegalArgumentException(mode + " needs a generator");
    }
  }

  public enum Mode {
    /** The platform issues it; the tenant must give it. */
    REQUIRED,
    /** Ledgerline generates one unless the tenant gives it. */
    GENERATED_IF_ABSENT,
    /** Ledgerline always generates it (the tenant could only choose a guessable one). */
    ALWAYS_GENERATED,
    /** The scheme has no secret. */
    NONE,
    /** The platform issues it after the connection exists; given later, then rotated. */
    GIVEN_LATER
  }

  public static SecretRule required(String description, int minLength) {
    return new SecretRule(Mode.REQUIRED, description, minLength, MAX_LENGTH, null, null);
  }

  public static SecretRule generatedIfAbsent(
      String description, int minLength, Function<SecretGenerator, String> generator) {
    return new SecretRule(
        Mode.GENERATED_IF_ABSENT, description, minLength, MAX_LENGTH, generator, null);
  }

  public static SecretRule alwaysGenerated(
      String description, Function<SecretGenerator, String> generator) {
    return new SecretRule(Mode.ALWAYS_GENERATED, description, 0, MAX_LENGTH, generator, null);
  }

  public static SecretRule none(String why) {
    return new SecretRule(Mode.NONE, why, 0, 0, null, null);
  }

  public static SecretRule givenLater(String description, int minLength) {
    return new SecretRule(Mode.GIVEN_LATER, description, minLength, MAX_LENGTH, null, null);
  }

  public SecretRule withMaxLength(int max) {
    return new SecretRule(mode, description, minLength, max, generator, format);
  }

  public SecretRule withFormat(Consumer<String> check) {
    return new SecretRule(mode, description, minLength, maxLength, generator, check);
  }
}
