package io.kopilka.testing.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the browser and the application on 127.0.0.1 that a test can cut and join
 * again, as a till's network drops and comes back. DevTools' "offline" covers the page only, not its
 * service worker, whose requests would still reach the server; through this link nothing does.
 * Cutting closes the listening port and every connection open through it; joining listens on the
 * same port again, so the browser's origin (and its service worker, cookies, IndexedDB) stays.
 */
public final class CuttableLink implements AutoCloseable {
    private final int target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    private CuttableLink(int target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A link to this port of 127.0.0.1, listening on a free port of its own. */
    public static CuttableLink to(int target) {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CuttableLink link = new CuttableLink(target, probe.getLocalPort());
            probe.close();
            link.join();
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Listens again on the same port; connections from then on reach the application. */
    public synchronized void join() {
        if (listening != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listening = server;
            Thread.ofVirtual().name("cuttable-link-" + port).start(() -> accept(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No connection from now on: the port is closed, and every connection open through it too. */
    public synchronized void cut() {
        ServerSocket server = listening;
        listening = null;
        closeQuietly(server);
        open.forEach(CuttableLink::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket browserSide = server.accept();
                Socket appSide = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(browserSide);
                open.add(appSide);
                Thread.ofVirtual().start(() -> pump(browserSide, appSide));
                Thread.ofVirtual().start(() -> pump(appSide, browserSide));
            } catch (IOException closed) {
                return; // cut
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed or the link was cut: the other side is closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is all that is wanted
            }
        }
    }
}
