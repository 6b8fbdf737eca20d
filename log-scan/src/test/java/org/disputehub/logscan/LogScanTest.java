package org.disputehub.logscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.disputehub.canonical.codec.Masking;
import org.junit.jupiter.api.Test;

/**
 * Reads every log line the tests of every module wrote in this build ({reactor root}/target/test-logs) and fails on
 * an unmasked mainland mobile number or resident ID number, naming file and line. Masked forms
 * ({@code 138****8000}, {@code 3301**********1234}) pass; an 18-digit number whose GB 11643 check character does
 * not match (a 110 incident number, an order number) is no ID number.
 */
class LogScanTest {

    /** The modules with tests; each must have left its log (the file exists once logging starts), or the scan would pass on nothing. */
    static final List<String> MODULES = List.of("canonical", "connector-110", "connector-12345", "connector-labor",
            "connector-odr", "connector-petition", "connector-zhengding", "hub");
    /** Those whose tests run routes and so must have logged something. */
    static final List<String> LOGGING = MODULES.subList(1, MODULES.size());

    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

    static final int SHOWN = 40;

    @Test
    void noTestLogLineHoldsAnUnmaskedPhoneOrIdNumber() throws IOException {
        Path dir = Path.of(System.getProperty("hub.test.logs", "../target/test-logs"));
        assertThat(dir).as("the test logs of this build (%s)", dir.toAbsolutePath()).isDirectory();
        List<String> findings = new ArrayList<>();
        long lines = 0;
        for (String module : MODULES) {
            Path log = dir.resolve(module + ".log");
            assertThat(log).as("module %s left no test log: were its tests run in this build?", module).exists();
            if (LOGGING.contains(module)) {
                assertThat(log).as("module %s logged nothing", module).isNotEmptyFile();
            }
            lines += scan(log, findings);
        }
        assertThat(lines).as("log lines read").isPositive();
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " of " + lines + " log lines hold unmasked personal data"
                    + " (first " + Math.min(SHOWN, findings.size()) + " shown, masked here):\n"
                    + String.join("\n", findings.subList(0, Math.min(SHOWN, findings.size()))));
        }
    }

    @Test
    void theRulesFindWhatIsUnmaskedAndPassWhatIsMaskedOrNoIdNumber() {
        assertThat(leaks("caller 13900139000 reported")).containsExactly("139****9000");
        assertThat(leaks("{\"phone\":\"13900139000\"}")).containsExactly("139****9000");
        assertThat(leaks("id 330106197805230017.")).containsExactly("3301**********0017");
        assertThat(leaks("id 33010619900101123x")).containsExactly("3301**********123x");
        assertThat(leaks("caller 139****9000, id 3301**********0017")).isEmpty();
        assertThat(leaks("JQBH 330108202611220002, order GD20261122000123, ts 1763800000000")).isEmpty();
        assertThat(leaks("hash a13900139000b, 11900139000, 139001390001")).isEmpty();
    }

    private static long scan(Path log, List<String> findings) {
        long n = 0;
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                n++;
                List<String> leaks = leaks(line);
                if (!leaks.isEmpty()) {
                    String shown = Masking.text(line);
                    findings.add(log.getFileName() + ":" + n + ": " + leaks + " in: "
                            + (shown.length() > 400 ? shown.substring(0, 400) + "…" : shown));
                }
            }
        } catch (UncheckedIOException e) {
            throw new AssertionError(log + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /** What is unmasked on the line, shown masked (the failure message is itself a log of sorts). */
    static List<String> leaks(String line) {
        List<String> out = new ArrayList<>();
        Matcher phone = MOBILE.matcher(line);
        while (phone.find()) {
            out.add(Masking.phone(phone.group()));
        }
        Matcher id = ID_NUMBER.matcher(line);
        while (id.find()) {
            if (Masking.isResidentId(id.group())) {
                out.add(Masking.idNumber(id.group()));
            }
        }
        return out;
    }
}
