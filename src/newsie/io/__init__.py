"""newsie.io"""
