package io.qunyun.testkit;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The Quarkus class orderer's secondary orderer ({@code junit.quarkus.orderer.secondary-orderer}, this kit's
 * META-INF/microprofile-config.properties): test classes by class name, as Quarkus orders them by default, except
 * that {@code @Order} moves a class: the fuzz tests carry {@code @Order(Integer.MAX_VALUE)} to run after the rest
 * of their profile and share its Quarkus start.
 * JUnit's own {@code OrderAnnotation} would leave the other classes in discovery order, which is not stable.
 */
public class OrderThenClassName implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((ClassDescriptor d) -> d.findAnnotation(Order.class).map(Order::value)
                        .orElse(Order.DEFAULT))
                .thenComparing(d -> d.getTestClass().getName()));
    }
}
