"""newsie.batch"""
