package org.tezuo.app.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only API endpoint that returns the signed-in user and the authorities Spring Security granted. */
@RestController
class WhoAmIController {

    private final CurrentUserProvider currentUser;

    WhoAmIController(CurrentUserProvider currentUser) {
        this.currentUser = currentUser;
    }

    record WhoAmI(CurrentUser user, List<String> authorities) {
    }

    @PostMapping("/api/test/whoami")
    WhoAmI whoAmIByPost() {
        return whoAmI();
    }

    @GetMapping("/api/test/whoami")
    WhoAmI whoAmI() {
        List<String> authorities = currentUser.authentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .sorted()
                .toList();
        return new WhoAmI(currentUser.require(), authorities);
    }
}
