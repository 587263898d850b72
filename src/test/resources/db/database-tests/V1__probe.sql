create table flyway_probe (id integer primary key);
