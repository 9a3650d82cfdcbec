package org.tezuo.app;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the Tezuo application: Vaadin views, the REST API and the runtime beans of every module. */
@SpringBootApplication(scanBasePackages = "org.tezuo")
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class TezuoApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(TezuoApplication.class, args);
    }
}
