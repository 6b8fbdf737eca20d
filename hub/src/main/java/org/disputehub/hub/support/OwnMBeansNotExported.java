package org.disputehub.hub.support;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jmx.export.MBeanExporter;
import org.springframework.jmx.support.JmxUtils;
import org.springframework.stereotype.Component;

/**
 * The hub registers its MBeans itself, under {@code org.disputehub:type=…} ({@link Jmx}); Spring's JMX export
 * (switched on by Hawtio for the actuator endpoints) would detect a bean that follows the standard-MBean naming
 * ({@code HubAdmin} implementing {@code HubAdminMBean}) and register it a second time under its package name.
 * This keeps the hub's own beans out of that export.
 */
@Component
class OwnMBeansNotExported implements BeanPostProcessor, BeanFactoryAware {

    private ListableBeanFactory beans;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        beans = beanFactory instanceof ListableBeanFactory l ? l : null;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof MBeanExporter exporter && beans != null) {
            for (String name : beans.getBeanDefinitionNames()) {
                Class<?> type = beans.getType(name, false);
                if (type != null && type.getName().startsWith("org.disputehub.") && JmxUtils.isMBean(type)) {
                    exporter.addExcludedBean(name);
                }
            }
        }
        return bean;
    }
}
