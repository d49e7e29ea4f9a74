-- MLflow's tracking store lives next to Temporal's databases on the same server.
CREATE DATABASE mlflow OWNER temporal;
