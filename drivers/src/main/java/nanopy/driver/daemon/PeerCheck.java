package nanopy.driver.daemon;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The daemon's check of who is on the other end of a connection: the peer's credentials as the
 * kernel recorded them when it connected ({@code SO_PEERCRED}, read through
 * {@link ExtendedSocketOptions#SO_PEERCRED}), which a client cannot forge. Only the user the
 * daemon runs as is served; the daemon never runs a program for anyone else.
 */
final class PeerCheck {
    private final UserPrincipal self;

    /** @param self the user the daemon runs as */
    PeerCheck(UserPrincipal self) {
        this.self = self;
    }

    /** The peer of {@code ch}. */
    static UserPrincipal peer(SocketChannel ch) throws IOException {
        UnixDomainPrincipal p = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return p.user();
    }

    /** Why {@code peer} is refused, or null when it is the daemon's own user. */
    String refusal(UserPrincipal peer) {
        return self.equals(peer) ? null
                : "refused: this daemon serves only " + self.getName() + ", and the connection comes from " + peer.getName();
    }
}
