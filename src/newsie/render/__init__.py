"""newsie.render"""
