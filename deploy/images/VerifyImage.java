import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Checks an image tar that Jib wrote (./mvnw -Pimages package runs it after each image):
 *
 * <pre>java deploy/images/VerifyImage.java target/jib-image.tar [--run]</pre>
 *
 * The config runs as the non-root user 65532, the entrypoint starts the image's own JRE with the
 * OpenTelemetry javaagent and a heap sized from the container limit, the build's version and commit
 * are labels, and the layers hold the JRE, its libraries, the agent and the application. With
 * {@code --run} (root, Linux) it unpacks the layers and runs the image's java as the image's user in
 * a chroot, the nearest thing to starting the container without a container runtime.
 *
 * <p>Plain JDK only (no JSON library): it runs before anything else is on a classpath.
 */
public class VerifyImage {

  public static void main(String[] args) throws Exception {
    Path tar = Path.of(args[0]);
    boolean run = args.length > 1 && args[1].replace("-", "").equals("run");
    Map<String, byte[]> entries = untar(Files.newInputStream(tar));
    List<String> problems = new ArrayList<>();

    String config;
    List<String> layers;
    if (entries.containsKey("index.json")) {
      // OCI image layout: index -> manifest -> config and layers, all blobs by digest
      String manifestDigest = first(text(entries.get("index.json")), "\"digest\"\\s*:\\s*\"sha256:([0-9a-f]+)\"");
      String manifest = text(entries.get("blobs/sha256/" + manifestDigest));
      String configBlock = first(manifest, "\"config\"\\s*:\\s*\\{([^}]*)\\}");
      config = text(entries.get("blobs/sha256/" + first(configBlock, "sha256:([0-9a-f]+)")));
      layers =
          all(first(manifest, "\"layers\"\\s*:\\s*\\[(.*)\\]"), "sha256:([0-9a-f]+)").stream()
              .map(digest -> "blobs/sha256/" + digest)
              .toList();
    } else {
      // docker save layout
      String manifest = text(entries.get("manifest.json"));
      config = text(entries.get(first(manifest, "\"Config\"\\s*:\\s*\"([^\"]+)\"")));
      layers = all(first(manifest, "\"Layers\"\\s*:\\s*\\[([^\\]]*)\\]"), "\"([^\"]+)\"");
    }

    String user = first(config, "\"User\"\\s*:\\s*\"([^\"]*)\"");
    check(problems, "65532:65532".equals(user), "config User is " + user + ", not 65532:65532");
    String entrypoint = first(config, "\"Entrypoint\"\\s*:\\s*\\[([^\\]]*)\\]");
    check(problems, entrypoint.startsWith("\"/opt/java/bin/java\""), "entrypoint is not the image's JRE: " + entrypoint);
    check(problems, entrypoint.contains("-javaagent:/opt/otel/opentelemetry-javaagent.jar"), "no javaagent in " + entrypoint);
    check(problems, entrypoint.contains("-XX:MaxRAMPercentage="), "no MaxRAMPercentage in " + entrypoint);
    for (String label : List.of("org.opencontainers.image.version", "org.opencontainers.image.revision")) {
      String value = first(config, Pattern.quote("\"" + label + "\"") + "\\s*:\\s*\"([^\"]*)\"");
      check(problems, value != null && !value.isBlank(), "label " + label + " missing");
    }

    Map<String, Integer> files = new HashMap<>();
    for (String layer : layers) {
      byte[] bytes = entries.get(layer);
      InputStream in = new java.io.ByteArrayInputStream(bytes);
      if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
        in = new GZIPInputStream(in);
      }
      modes(in, files);
    }
    for (String executable : List.of("opt/java/bin/java", "lib64/ld-linux-x86-64.so.2")) {
      Integer mode = files.get(executable);
      check(problems, mode != null && (mode & 0111) != 0, executable + " missing or not executable");
    }
    for (String file : List.of("opt/otel/opentelemetry-javaagent.jar", "etc/passwd", "app/jib-classpath-file", "lib/x86_64-linux-gnu/libc.so.6")) {
      check(problems, files.containsKey(file), file + " missing");
    }
    check(problems, files.keySet().stream().anyMatch(f -> f.startsWith("app/libs/")), "no application libraries");

    if (run && problems.isEmpty()) {
      problems.addAll(runInChroot(layers, entries));
    }
    if (!problems.isEmpty()) {
      System.err.println(tar + ":\n  " + String.join("\n  ", problems));
      System.exit(1);
    }
    System.out.printf(
        "%s: OK (%d layers, user %s, %s)%n", tar, layers.size(), user, run ? "java ran as 65532 in a chroot" : "not run");
  }

  private static List<String> runInChroot(List<String> layers, Map<String, byte[]> entries) throws Exception {
    Path root = Files.createTempDirectory("ledgerline-image-");
    // the image's user must be able to enter its own root directory
    Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    try {
      for (String layer : layers) {
        Path file = Files.write(root.resolveSibling(root.getFileName() + ".layer"), entries.get(layer));
        exec(List.of("tar", "--warning=no-unknown-keyword", "-xf", file.toString(), "-C", root.toString()));
        Files.delete(file);
      }
      Files.createDirectories(root.resolve("proc"));
      String out =
          exec(
              List.of("unshare", "--fork", "--pid", "--mount-proc=" + root.resolve("proc"), "chroot", "--userspec=65532:65532",
                  root.toString(), "/opt/java/bin/java", "-XshowSettings:properties", "-version"));
      return out.contains("user.name = ledgerline") ? List.of() : List.of("java in the image did not run as ledgerline:\n" + out);
    } finally {
      exec(List.of("rm", "-rf", root.toString()));
    }
  }

  private static String exec(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }

  private static void check(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  /** Entries of a (ustar/GNU) tar: name to content. */
  private static Map<String, byte[]> untar(InputStream in) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    walk(in, (name, mode, content) -> entries.put(name, content));
    return entries;
  }

  private static void modes(InputStream in, Map<String, Integer> files) throws IOException {
    walk(in, (name, mode, content) -> files.put(name.replaceFirst("^\\./", "").replaceFirst("^/", ""), mode));
  }

  interface Entry {
    void accept(String name, int mode, byte[] content);
  }

  private static void walk(InputStream in, Entry entry) throws IOException {
    byte[] header = new byte[512];
    String longName = null;
    while (in.readNBytes(header, 0, 512) == 512) {
      if (header[0] == 0) {
        break;
      }
      String name = field(header, 0, 100);
      String prefix = field(header, 345, 155);
      int mode = (int) octal(header, 100, 8);
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      byte[] content = in.readNBytes((int) size);
      in.readNBytes((int) ((512 - size % 512) % 512));
      if (type == 'L') {
        longName = new String(content, StandardCharsets.UTF_8).trim();
        continue;
      }
      String full = longName != null ? longName : (prefix.isEmpty() ? name : prefix + "/" + name);
      longName = null;
      entry.accept(full, mode, content);
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) {
    String value = field(header, offset, length).trim();
    return value.isEmpty() ? 0 : Long.parseLong(value, 8);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static List<String> all(String text, String regex) {
    List<String> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
