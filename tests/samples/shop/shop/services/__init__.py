"""Services with state: stock, payments and the pipeline that drives an order through them."""
