package io.qunyun.rules.domain.check;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

import io.qunyun.rules.domain.DecisionTableSheet;

/** Finds, by reflection, the fact class a sheet's conditions bind and the types of its inputs. */
final class FactTypes {

    private FactTypes() {
    }

    /** The fact class the conditions bind: the unit's data store named in the pattern (e.g. {@code $r: /rewards}). */
    static Class<?> factClass(DecisionTableSheet sheet) {
        if (sheet.ruleSet() == null || sheet.unit() == null) {
            throw new IllegalStateException("the sheet has no RuleSet or Unit cell");
        }
        String unitName = sheet.unit().contains(".") ? sheet.unit() : sheet.ruleSet() + "." + sheet.unit();
        Class<?> unit;
        try {
            unit = Class.forName(unitName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no rule unit class " + unitName);
        }
        String pattern = sheet.columns().stream().filter(DecisionTableSheet.Column::isCondition)
                .map(DecisionTableSheet.Column::pattern).filter(p -> !p.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pattern (e.g. $r: /rewards) above the conditions"));
        String store = pattern.replaceAll("^.*?/\\s*([A-Za-z0-9_]+).*$", "$1");
        String getter = "get" + Character.toUpperCase(store.charAt(0)) + store.substring(1);
        try {
            Type type = unit.getMethod(getter).getGenericReturnType();
            if (type instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> factClass) {
                return factClass;
            }
        } catch (NoSuchMethodException e) {
            // reported below
        }
        throw new IllegalStateException("cannot find the facts of pattern '" + pattern + "' in " + unitName);
    }

    /** The type of the fact's getter for {@code field} ({@code getX} or {@code isX}); null when it has none. */
    static Class<?> fieldType(Class<?> fact, String field) {
        String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String getter : List.of("get" + suffix, "is" + suffix)) {
            try {
                Method method = fact.getMethod(getter);
                return method.getReturnType();
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }
}
