package io.kopilka;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Entry point. {@code --demo} seeds a demo program once (see {@code io.kopilka.demo}). */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class KopilkaApplication {

    public static void main(String[] args) {
        SpringApplication.run(KopilkaApplication.class, args);
    }
}
