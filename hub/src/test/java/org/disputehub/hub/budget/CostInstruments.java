package org.disputehub.hub.budget;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.postoffice.RoutingStatus;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.disputehub.canonical.codec.Json;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The counting instruments of {@link CaseBudgetTest}, all outside the hub's code: a broker plugin (durable sends per
 * address), a proxy over the DataSource (commits, auto-commit statements, statements per text), counting JSON
 * factories put into the hub's ObjectMappers (parsers and generators created, per calling hub method) and a
 * Logback appender on the root logger (lines per logger and level).
 */
@TestConfiguration(proxyBeanMethods = false)
class CostInstruments {

    /** The database without counting, for the test's own queries. */
    static volatile DataSource uncounted;

    @Bean
    static ArtemisConfigurationCustomizer countingBrokerPlugin() {
        return config -> config.registerBrokerPlugin(new ActiveMQServerMessagePlugin() {
            @Override
            public void afterSend(ServerSession session, Transaction tx, Message message, boolean direct,
                                  boolean noAutoCreateQueue, RoutingStatus result) {
                CostCounters.count(CostCounters.JMS, message.getAddress() + (message.isDurable() ? "" : " (non-persistent)"));
            }
        });
    }

    @Bean
    static BeanPostProcessor countingInstruments() {
        installLogCounter();
        JsonCounting.install(Json.mapper());
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
                    uncounted = ds;
                    return Proxy.newProxyInstance(CostInstruments.class.getClassLoader(),
                            new Class<?>[] {DataSource.class, AutoCloseable.class},
                            forward(ds, (m, args, result) -> m.getName().equals("getConnection")
                                    ? connection((Connection) result) : result));
                }
                if (bean instanceof ObjectMapper mapper) {
                    JsonCounting.install(mapper);
                }
                return bean;
            }
        };
    }

    private static Connection connection(Connection target) {
        boolean[] autoCommit = {true};
        return (Connection) Proxy.newProxyInstance(CostInstruments.class.getClassLoader(), new Class<?>[] {Connection.class},
                forward(target, (m, args, result) -> {
                    switch (m.getName()) {
                        case "setAutoCommit" -> autoCommit[0] = (Boolean) args[0];
                        case "commit" -> CostCounters.count(CostCounters.TX, "commit");
                        case "rollback" -> CostCounters.count(CostCounters.TX, "rollback");
                        case "prepareStatement", "prepareCall" -> {
                            return statement(result, PreparedStatement.class, (String) args[0], autoCommit);
                        }
                        case "createStatement" -> {
                            return statement(result, Statement.class, null, autoCommit);
                        }
                        default -> { }
                    }
                    return result;
                }));
    }

    private static Object statement(Object target, Class<?> type, String sql, boolean[] autoCommit) {
        return Proxy.newProxyInstance(CostInstruments.class.getClassLoader(), new Class<?>[] {type},
                forward(target, (m, args, result) -> {
                    if (m.getName().startsWith("execute")) {
                        String text = sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
                        CostCounters.count(CostCounters.SQL, normalise(text) + (m.getName().equals("executeBatch") ? " [batch]" : ""));
                        if (autoCommit[0]) {
                            CostCounters.count(CostCounters.TX, "auto-commit statement");
                        }
                    }
                    return result;
                }));
    }

    static String normalise(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() > 110 ? s.substring(0, 107) + "..." : s;
    }

    /** The statement's first word; a union of parenthesised queries counts as a select. */
    static String verb(String sql) {
        String s = sql.stripLeading().replaceFirst("^\\(+", "");
        int space = s.indexOf(' ');
        return (space < 0 ? s : s.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private static void installLogCounter() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                CostCounters.count(CostCounters.LOG, e.getLevel() + " " + e.getLoggerName());
            }
        };
        appender.setContext(context);
        appender.setName("cost-budget");
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    private interface After {
        Object apply(Method m, Object[] args, Object result) throws Exception;
    }

    private static InvocationHandler forward(Object target, After after) {
        return (proxy, m, args) -> {
            if (m.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(m, args, result);
        };
    }
}
