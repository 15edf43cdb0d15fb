"""US trade and tariff analytics: effective tariff rates, scenario stacking, front-loading,
inventories, import response, unit values, connectors and charts."""
