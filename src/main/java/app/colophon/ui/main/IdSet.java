package app.colophon.ui.main;

import java.util.BitSet;
import java.util.Collection;

/**
 * Book ids a filter lets through, as bits indexed by id: the window tests each of 100,000 books against it on the FX
 * thread at every keystroke, where a {@code Set<Long>} boxed every id and searched for it. Made off the FX thread.
 */
final class IdSet {

    private final BitSet bits;

    private IdSet(BitSet bits) {
        this.bits = bits;
    }

    static IdSet of(Collection<Long> ids) {
        BitSet bits = new BitSet();
        for (long id : ids) {
            if (id >= 0 && id <= Integer.MAX_VALUE) {
                bits.set((int) id);
            }
        }
        return new IdSet(bits);
    }

    boolean contains(long id) {
        return id >= 0 && id <= Integer.MAX_VALUE && bits.get((int) id);
    }
}
