package app.colophon.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a connection's prepared statements for reuse. ORMLite prepares every statement anew and closes it after
 * one use; compiling SQL was over half of a scan's database time. Wrapping the JDBC connection makes "close" of a
 * statement return it to this cache (parameters cleared), and "prepare" of the same SQL take it back. One cache
 * per connection, and a connection is used by one thread at a time (the pool guarantees it).
 */
final class StatementCache implements InvocationHandler {

    private static final int MAX_PER_SQL = 4;
    /** Distinct SQL texts kept; the repositories use a few dozen, all with '?' parameters. */
    private static final int MAX_SQL = 128;

    private final Connection connection;
    private final Map<List<Object>, Deque<PreparedStatement>> idle = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Deque<PreparedStatement>> eldest) {
            if (size() <= MAX_SQL) {
                return false;
            }
            eldest.getValue().forEach(StatementCache::closeQuietly);
            return true;
        }
    };

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new StatementCache(connection));
    }

    /**
     * For plain JDBC ({@link Jdbc}): a cached statement of {@code connection} itself, not wrapped in a proxy — each
     * call on a proxy goes through reflection, and a scan makes a hundred of them per row it writes. Hand it back
     * with {@link #release}. A connection that is not wrapped prepares a new statement.
     */
    static PreparedStatement borrow(Connection connection, String sql) throws SQLException {
        StatementCache cache = of(connection);
        if (cache == null) {
            return connection.prepareStatement(sql);
        }
        Deque<PreparedStatement> free = cache.idle.get(key(sql));
        PreparedStatement statement = free == null ? null : free.poll();
        return statement != null ? statement : cache.connection.prepareStatement(sql);
    }

    /** Takes back a statement from {@link #borrow}; one whose use failed is closed rather than reused. */
    static void release(Connection connection, String sql, PreparedStatement statement, boolean failed)
            throws SQLException {
        StatementCache cache = of(connection);
        if (cache == null || failed) {
            statement.close();
        } else {
            cache.giveBack(key(sql), statement);
        }
    }

    private static StatementCache of(Connection connection) {
        return Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof StatementCache cache ? cache : null;
    }

    /** The key under which {@code prepareStatement(sql)} is cached (see {@link #prepare}). */
    private static List<Object> key(String sql) {
        return List.of(1, sql);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement")) {
            return prepare(method, args);
        }
        if (method.getName().equals("close")) {
            closeAll();
        }
        return call(connection, method, args);
    }

    private PreparedStatement prepare(Method method, Object[] args) throws Throwable {
        List<Object> key = new ArrayList<>();
        key.add(method.getParameterCount());
        for (Object arg : args) {
            // ORMLite asks for generated keys with a column-name array; arrays compare by identity, lists by content
            key.add(arg instanceof String[] names ? List.of(names) : arg instanceof int[] ints ? Arrays.toString(ints) : arg);
        }
        Deque<PreparedStatement> free = idle.get(key);
        PreparedStatement statement = free == null || free.isEmpty() ? null : free.pop();
        if (statement == null) {
            statement = (PreparedStatement) call(connection, method, args);
        }
        return pooled(key, statement);
    }

    /** A statement whose close() puts it back instead of closing it. */
    private PreparedStatement pooled(List<Object> key, PreparedStatement real) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new InvocationHandler() {
                    private boolean returned;

                    @Override
                    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                        if (method.getName().equals("close")) {
                            if (!returned) {
                                returned = true;
                                giveBack(key, real);
                            }
                            return null;
                        }
                        if (method.getName().equals("isClosed")) {
                            return returned || real.isClosed();
                        }
                        if (returned) {
                            throw new SQLException("Statement already closed");
                        }
                        return call(real, method, args);
                    }
                });
    }

    private void giveBack(List<Object> key, PreparedStatement real) throws SQLException {
        Deque<PreparedStatement> free = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (real.isClosed() || free.size() >= MAX_PER_SQL) {
            real.close();
            return;
        }
        real.clearParameters();
        real.clearBatch();
        // ORMLite sets a row limit for some queries; the next user of this SQL must not inherit it.
        real.setMaxRows(0);
        free.push(real);
    }

    private void closeAll() {
        idle.values().forEach(free -> free.forEach(StatementCache::closeQuietly));
        idle.clear();
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // dropped from the cache or the connection is closing: nothing left to do with it
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            WriteFailures.seen(e.getCause()); // "disk full" must survive ORMLite's handling of the failure
            throw e.getCause();
        }
    }
}
