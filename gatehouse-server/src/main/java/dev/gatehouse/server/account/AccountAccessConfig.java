package dev.gatehouse.server.account;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires account scoping: the filter (inside the security chains) and controller arguments. */
@Configuration(proxyBeanMethods = false)
class AccountAccessConfig implements WebMvcConfigurer {

  @Bean
  AccountAccessFilter accountAccessFilter(
      AccountAccessResolver resolver, ObjectProvider<AccountRequestGuard> guards) {
    return new AccountAccessFilter(resolver, guards);
  }

  /** The filter runs only inside the Spring Security chains, never as a plain servlet filter. */
  @Bean
  FilterRegistrationBean<AccountAccessFilter> accountAccessFilterRegistration(
      AccountAccessFilter filter) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new AccountAccessArgumentResolver());
  }

  /** Resolves controller parameters of type {@link AccountAccess}. */
  static final class AccountAccessArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == AccountAccess.class;
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        WebDataBinderFactory binderFactory) {
      Object access =
          webRequest.getAttribute(AccountAccess.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
      if (access == null) {
        // A programming error: the handler is not mapped under an account-scoped path.
        throw new IllegalStateException(
            "no AccountAccess for " + parameter.getExecutable().toGenericString());
      }
      return access;
    }
  }
}
