"""newsie.evaluate"""
