package org.disputehub.hub.linking;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.hub.store.CaseStore;
import org.springframework.stereotype.Service;

/**
 * Finds the earlier open case a new report is about (一事多次) and counts how often its reporter and its place
 * were reported before (一人多事, repeat location). Explainable: the match names the signals that scored.
 */
@Service
public class Linking {

    /** The case a report joins, its score and the signals that matched, e.g. {@code PHONE+CATEGORY+REGION}. */
    public record Match(String caseId, double score, String rule) {
    }

    /** What intake stores for every case: the match (or null) and the repeat counts. */
    public record Outcome(Match match, int reporterCount, int locationCount, boolean isRepeat, MatchKeys.Of keys,
                          String categoryMajor) {

        /** The outcome as stored with the case's row. */
        public CaseStore.LinkColumns columns() {
            String address = keys.normalisedAddress();
            return new CaseStore.LinkColumns(reporterCount, locationCount, isRepeat,
                    match == null ? null : match.caseId(), match == null ? null : match.score(),
                    match == null ? null : match.rule(),
                    address == null || address.length() <= 500 ? address : address.substring(0, 500),
                    categoryMajor);
        }
    }

    private final LinkStore store;
    private final LinkingProperties props;
    private final MatchKeys matchKeys;

    public Linking(LinkStore store, LinkingProperties props) {
        this.store = store;
        this.props = props;
        this.matchKeys = new MatchKeys(props.keySecret());
    }

    /** Evaluates a new report (not yet stored) reported at {@code at}. */
    public Outcome evaluate(CanonicalCase c, OffsetDateTime at) {
        MatchKeys.Of keys = matchKeys.of(c);
        Match match = props.enabled() ? bestMatch(c, keys, at) : null;
        LinkStore.EarlierCounts earlier = store.countEarlier(keys.people(), keys.address(), at.minus(props.repeatWindow()));
        boolean sourceSaysRepeat = c.related() != null && c.related().repeatCount() > 0;
        boolean repeat = match != null || sourceSaysRepeat || earlier.reporter() >= props.repeatReporterCases() - 1;
        return new Outcome(match, earlier.reporter(), earlier.location(), repeat, keys,
                c.category() == null ? null : c.category().major());
    }

    /**
     * Records the keys of a case stored with {@link Outcome#columns} and flags the case it joined, if it joined one.
     */
    public void record(String caseId, Outcome o, OffsetDateTime at) {
        store.saveKeys(caseId, o.keys(), at);
        if (o.match() != null) {
            store.flagReported(o.match().caseId());
        }
    }

    /** The case a report is linked to, if it is one. */
    public java.util.Optional<String> primaryOf(String caseId) {
        return store.primaryOf(caseId);
    }

    private Match bestMatch(CanonicalCase c, MatchKeys.Of keys, OffsetDateTime at) {
        OffsetDateTime since = at.minus(props.window());
        Set<MatchKeys.Key> lookup = new LinkedHashSet<>(keys.people());
        if (keys.address() != null) {
            lookup.add(keys.address());
        }
        boolean nearKeys = neighboursByKey(keys);
        if (nearKeys) { // the neighbours at the report's house number or at none, in the same statement
            lookup.add(keys.near());
            lookup.add(keys.nearNoHouse());
        }
        Map<LinkStore.Candidate, Set<MatchKeys.Kind>> candidates = new LinkedHashMap<>(
                store.sharingKeys(lookup, since, props.maxCandidates()));
        if (!nearKeys) {
            neighbours(c, keys, since).forEach(n -> candidates.putIfAbsent(n, Set.of()));
        }
        Match best = null;
        for (Map.Entry<LinkStore.Candidate, Set<MatchKeys.Kind>> cand : candidates.entrySet()) {
            Set<MatchKeys.Kind> kinds = cand.getValue();
            Match m = score(c, keys, cand.getKey(), kinds.contains(MatchKeys.Kind.PHONE) || kinds.contains(MatchKeys.Kind.IDNO));
            if (m != null && (best == null || m.score() > best.score())) {
                best = m;
            }
        }
        return best;
    }

    /**
     * The open cases of the report's region and category, newest first. Such a neighbour shares no key the report
     * has, so it scores the category and region weights, plus the address weight times the address similarity: when
     * the first two stay below {@code min-score}, only a similar address can link it — none if the report has no
     * address; and if the report names a house number, none with another house number (similarity 0): then only the
     * neighbours at the same house number or at none are read, by their {@link MatchKeys.Kind#NEAR} keys, up to
     * {@code max-candidates} of each, in the statement that looks up the report's other keys ({@link #bestMatch}).
     */
    private Collection<LinkStore.Candidate> neighbours(CanonicalCase c, MatchKeys.Of keys, OffsetDateTime since) {
        if (addressNeeded() && keys.normalisedAddress() == null) {
            return List.of();
        }
        return store.neighbours(region(c), MatchKeys.categoryCode(c), since, props.maxCandidates());
    }

    /** Whether the neighbours are those of the report's house number ({@link MatchKeys.Kind#NEAR} keys). */
    private boolean neighboursByKey(MatchKeys.Of keys) {
        return addressNeeded() && keys.hasHouse();
    }

    /** Whether a neighbour (no shared key) can reach {@code min-score} only through a similar address. */
    private boolean addressNeeded() {
        return props.categoryWeight() + props.regionWeight() < props.minScore();
    }

    private Match score(CanonicalCase c, MatchKeys.Of keys, LinkStore.Candidate cand, boolean samePerson) {
        String code = MatchKeys.categoryCode(c);
        boolean sameCategory = code != null && code.equals(cand.categoryCode());
        if (!sameCategory && c.source().system().equals(cand.system())) {
            return null; // one system classifying two reports differently means two matters (its own code tables)
        }
        double score = 0;
        StringBuilder rule = new StringBuilder();
        if (samePerson) {
            score += props.phoneWeight();
            rule.append("PHONE");
        }
        double similarity = MatchKeys.similarity(keys.normalisedAddress(), cand.address());
        if (similarity >= props.addressMinSimilarity()) {
            score += props.addressWeight() * similarity;
            rule.append(rule.isEmpty() ? "" : "+").append(String.format("ADDRESS(%.2f)", similarity));
        }
        if (sameCategory) {
            score += props.categoryWeight();
            rule.append(rule.isEmpty() ? "" : "+").append("CATEGORY");
        } else if (c.category() != null && c.category().major() != null && c.category().major().equals(cand.major())) {
            score += props.categoryWeight() / 2;
            rule.append(rule.isEmpty() ? "" : "+").append("MAJOR");
        }
        if (region(c) != null && region(c).equals(cand.regionCode())) {
            score += props.regionWeight();
            rule.append(rule.isEmpty() ? "" : "+").append("REGION");
        }
        score = Math.round(score * 1000) / 1000.0;
        if (score < props.minScore()) {
            return null;
        }
        return new Match(Objects.requireNonNullElse(cand.linkedTo(), cand.caseId()), score, rule.toString());
    }

    private static String region(CanonicalCase c) {
        return c.location() == null ? null : c.location().regionCode();
    }
}
