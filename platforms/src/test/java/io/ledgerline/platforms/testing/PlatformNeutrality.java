package io.ledgerline.platforms.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that keep a service platform-agnostic, for each service's architecture test: it names
 * no registered platform (no string literal equal to a platform id) and uses no class of a
 * platform's package, only the contract ({@link Platform}, {@link Platforms}) and the neutral
 * packages. The platforms are the registered ones, so a new platform is covered by registering it.
 */
public final class PlatformNeutrality {

  private PlatformNeutrality() {}

  /** Both rules for the classes under {@code servicePackage}. */
  public static List<ArchRule> rulesFor(String servicePackage) {
    return List.of(usesNoPlatformClass(servicePackage), namesNoPlatform(servicePackage));
  }

  public static ArchRule usesNoPlatformClass(String servicePackage) {
    return noClasses()
        .that()
        .resideInAPackage(servicePackage + "..")
        .should()
        .dependOnClassesThat(inAPlatformPackage())
        .because("a service asks the platform through io.ledgerline.platforms.Platform");
  }

  public static ArchRule namesNoPlatform(String servicePackage) {
    return classes()
        .that()
        .resideInAPackage(servicePackage + "..")
        .should(holdNoStringLiteralOf(Platforms.installed().ids()))
        .because("a service that names a platform holds platform knowledge outside its package");
  }

  private static DescribedPredicate<JavaClass> inAPlatformPackage() {
    Set<String> packages = new TreeSet<>();
    for (Platform platform : Platforms.installed().all()) {
      packages.add(platform.getClass().getPackageName());
    }
    return DescribedPredicate.describe(
        "reside in a platform's package " + packages,
        c ->
            packages.stream()
                .anyMatch(
                    p -> c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")));
  }

  private static ArchCondition<JavaClass> holdNoStringLiteralOf(Set<String> ids) {
    return new ArchCondition<>("hold no string literal equal to a platform id " + ids) {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        javaClass
            .getSource()
            .ifPresent(
                source -> {
                  for (String literal : stringLiterals(source.getUri())) {
                    if (ids.contains(literal)) {
                      events.add(
                          SimpleConditionEvent.violated(
                              javaClass,
                              javaClass.getName() + " holds the platform id \"" + literal + "\""));
                    }
                  }
                });
      }
    };
  }

  /** The CONSTANT_String entries of a class file's constant pool: its string literals. */
  static List<String> stringLiterals(java.net.URI classFile) {
    byte[] bytes;
    try (InputStream in = classFile.toURL().openStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      List<Integer> strings = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 8 -> strings.add(in.readUnsignedShort());
          case 7, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++; // eight-byte constants take two slots
          }
          default ->
              throw new IllegalStateException("constant pool tag " + tag + " in " + classFile);
        }
      }
      List<String> literals = new ArrayList<>();
      for (int index : strings) {
        literals.add(utf8[index]);
      }
      return literals;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
