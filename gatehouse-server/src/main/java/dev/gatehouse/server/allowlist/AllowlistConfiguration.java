package dev.gatehouse.server.allowlist;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AllowlistProperties.class)
class AllowlistConfiguration {}
