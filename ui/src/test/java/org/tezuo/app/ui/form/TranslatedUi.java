package org.tezuo.app.ui.form;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.startup.ApplicationConfiguration;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.tezuo.app.ui.i18n.TranslationProvider;

/**
 * A current UI in {@code locale} whose components translate captions with the application's
 * {@link TranslationProvider}, for tests and benchmarks that build components without a servlet.
 */
public final class TranslatedUi implements AutoCloseable {

    /** Vaadin keeps the current service in a weak reference, so this field keeps it from being collected. */
    private final VaadinService service = new TranslatingService();

    private TranslatedUi(Locale locale) {
        // The UI is created before the service is current, because a UI looks up the servlet context of a
        // current service and this one has no servlet.
        UI ui = new UI();
        ui.setLocale(locale);
        UI.setCurrent(ui);
        VaadinService.setCurrent(service);
    }

    public static TranslatedUi open(Locale locale) {
        return new TranslatedUi(locale);
    }

    @Override
    public void close() {
        UI.setCurrent(null);
        VaadinService.setCurrent(null);
    }

    private static final class TranslatingService extends VaadinServletService {

        private final I18NProvider translations = new TranslationProvider();
        private final VaadinContext context = new AttributeContext();

        @Override
        public VaadinContext getContext() {
            return context;
        }

        @Override
        public Instantiator getInstantiator() {
            return new DefaultInstantiator(this) {
                @Override
                public I18NProvider getI18NProvider() {
                    return translations;
                }
            };
        }
    }

    /**
     * Returns an application configuration in production mode, which turns off the development-time component
     * tracking that needs a servlet container. Other boolean settings are false and other values null.
     */
    private static ApplicationConfiguration productionConfiguration() {
        return (ApplicationConfiguration) Proxy.newProxyInstance(TranslatedUi.class.getClassLoader(),
                new Class<?>[] {ApplicationConfiguration.class},
                (proxy, method, arguments) -> method.getReturnType() == boolean.class
                        ? "isProductionMode".equals(method.getName()) : null);
    }

    /** Context attributes in a map, in place of a servlet context. */
    private static final class AttributeContext implements VaadinContext {

        private final Map<Class<?>, Object> attributes = new HashMap<>(Map.of(ApplicationConfiguration.class,
                productionConfiguration()));

        @Override
        public <T> T getAttribute(Class<T> type, Supplier<T> defaultValueSupplier) {
            Object value = attributes.get(type);
            if (value == null && defaultValueSupplier != null) {
                value = defaultValueSupplier.get();
                attributes.put(type, value);
            }
            return type.cast(value);
        }

        @Override
        public <T> void setAttribute(Class<T> type, T value) {
            attributes.put(type, value);
        }

        @Override
        public void removeAttribute(Class<?> type) {
            attributes.remove(type);
        }

        @Override
        public Enumeration<String> getContextParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String getContextParameter(String name) {
            return null;
        }
    }
}
