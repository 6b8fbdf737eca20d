package org.disputehub.hub.cockpit;

import java.util.List;
import java.util.regex.Pattern;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Party;
import org.disputehub.hub.linking.MatchKeys;

/**
 * How a hotspot is named on the cockpit, never in full: an address with every digit masked (the street stays, the
 * house and room numbers go: {@code 文三路**号*幢}), a caller as masked name and number ({@code 李* 139****9000},
 * {@code 张* 3301**********1234}) — through canonical {@link Masking}.
 */
final class SpotLabels {

    private static final Pattern DIGIT = Pattern.compile("[0-9０-９]");

    private SpotLabels() {
    }

    static String label(MatchKeys.Kind kind, String hash, CanonicalCase c, MatchKeys keys) {
        if (kind == MatchKeys.Kind.ADDR) {
            return c.location() == null ? "—" : address(c.location().address());
        }
        for (Party p : c.parties() == null ? List.<Party>of() : c.parties()) {
            if (keys.of(onlyParty(p)).people().contains(new MatchKeys.Key(kind, hash))) {
                String number = kind == MatchKeys.Kind.PHONE ? Masking.phone(p.phone()) : Masking.idNumber(p.idNumber());
                return p.name() == null || p.name().isBlank() ? number : Masking.name(p.name()) + " " + number;
            }
        }
        return "—";
    }

    static String address(String address) {
        return address == null ? "—" : DIGIT.matcher(Masking.text(address)).replaceAll("*");
    }

    private static CanonicalCase onlyParty(Party p) {
        return new CanonicalCase(null, null, null, null, null, null, null, null, List.of(p), null, null, null, null,
                null, null, null, null);
    }
}
